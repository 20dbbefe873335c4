using CommonThread.Matching.Synthetic;

namespace CommonThread.Matching.Tests.Synthetic;

/// <summary>The benchmark's noise lines measure only if their labels hold: these check the generators, not the matcher.</summary>
public sealed class NoiseLineSpecs
{
    public static TheoryData<string> Lines => [.. Make(new SyntheticFacilities(3), out _).Select(l => l.Label)];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Every_line_is_about_half_true_matches_each_of_a_facility_the_registry_holds(string label)
    {
        var lines = Make(new SyntheticFacilities(3), out var registry);
        var line = lines.Single(l => l.Label == label);
        var ids = registry.Concat(lines.SelectMany(l => l.Registry)).Select(f => f.Id).ToHashSet();

        var truths = line.Rows.Where(r => r.TruthId is not null).ToList();
        Assert.InRange((double)truths.Count / line.Rows.Count, 0.45, 0.55);
        Assert.All(truths, r => Assert.Contains(r.TruthId!, ids));
        Assert.Equal(line.Rows.Count, line.Rows.Select(r => r.Row.Id).Distinct().Count());
    }

    [Fact]
    public void Every_line_is_the_same_on_every_run()
    {
        var first = Make(new SyntheticFacilities(3), out _);
        var second = Make(new SyntheticFacilities(3), out _);

        Assert.Equal(first.SelectMany(l => l.Rows), second.SelectMany(l => l.Rows));
        Assert.Equal(first.SelectMany(l => l.Registry), second.SelectMany(l => l.Registry));
    }

    [Fact]
    public void Registry_facilities_added_by_the_lines_never_share_an_id()
    {
        var lines = Make(new SyntheticFacilities(3), out var registry);
        var all = registry.Concat(lines.SelectMany(l => l.Registry)).ToList();

        Assert.Equal(all.Count, all.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void A_look_alike_differs_from_its_model_by_more_than_a_typo_and_lives_elsewhere()
    {
        var data = new SyntheticFacilities(5);
        foreach (var source in data.Registry(300))
        {
            var alike = data.LookAlike(source, "x");
            var (ours, theirs) = (alike.Name.Split(' '), source.Name.Split(' '));
            var changed = Enumerable.Range(0, ours.Length).Single(i => ours[i] != theirs[i]);

            Assert.True(SyntheticFacilities.EditDistance(ours[changed].ToLowerInvariant(), theirs[changed].ToLowerInvariant()) >= 3, $"{alike.Name} / {source.Name}");
            Assert.NotEqual(source.Address, alike.Address);
        }
    }

    [Theory]
    [InlineData("Rahim Afroz Garments Ltd")]
    [InlineData("Kanlovin Sunme Knitwear Pvt Ltd")]
    public void Spacing_noise_moves_spaces_and_keeps_every_letter(string name)
    {
        var random = new Random(1);
        var joined = SpacingNoise.JoinTwo(name, random);
        var split = SpacingNoise.SplitOne(name, random);

        Assert.Equal(name.Count(c => c == ' ') - 1, joined.Count(c => c == ' '));
        Assert.Equal(name.Count(c => c == ' ') + 1, split.Count(c => c == ' '));
        Assert.Equal(name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), joined.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal(name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), split.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.EndsWith(name.EndsWith("Pvt Ltd", StringComparison.Ordinal) ? "Pvt Ltd" : "Ltd", joined, StringComparison.Ordinal);
    }

    [Fact]
    public void The_numbered_list_is_twenty_units_of_each_of_a_thousand_companies_at_one_address_each()
    {
        var list = SisterUnits.NumberedList(new SyntheticFacilities(3));

        Assert.Equal(20_000, list.Select(f => f.Id).Distinct().Count());
        var companies = list.GroupBy(f => f.Id.Split('-')[0]).ToList();
        Assert.Equal(1_000, companies.Count);
        Assert.All(companies, c => Assert.Single(c.Select(f => f.Address).Distinct()));
        Assert.All(companies, c => Assert.Equal(20, c.Select(f => f.Name).Distinct().Count()));
    }

    [Fact]
    public void Every_country_alias_the_generator_writes_means_its_country_to_the_lookup() =>
        Assert.All(CountryAliasNoise.Check(), c => Assert.Equal([c.Expected], c.Found));

    [Theory]
    [InlineData("Công ty TNHH Dệt May Phước Đức", "Cong ty TNHH Det May Phuoc Duc")]
    [InlineData("TP. Hồ Chí Minh", "TP. Ho Chi Minh")]
    public void Vietnamese_typed_without_diacritics_loses_its_marks_and_its_crossed_d(string written, string typed) =>
        Assert.Equal(typed, LocalScriptNames.WithoutDiacritics(written));

    [Fact]
    public void Full_width_forms_are_those_chinese_input_methods_type() =>
        Assert.Equal("华美（东莞）１２号", LocalScriptNames.FullWidth("华美(东莞)12号"));

    private static List<NoiseLine> Make(SyntheticFacilities data, out List<FacilityRecord> registry)
    {
        registry = data.Registry(3_000);
        return
        [
            SpacingNoise.RunTogether(data, registry, 400),
            SpacingNoise.Split(data, registry, 400),
            SpacedLetters.Make(data, 400),
            SisterUnits.Make(data, 400),
            BuildingTenants.Make(data, 400),
            LocalScriptNames.Make(data, 400),
            CountryAliasNoise.Make(data, registry, 400),
            MixedNoise.Make(data, registry, 400),
        ];
    }
}
