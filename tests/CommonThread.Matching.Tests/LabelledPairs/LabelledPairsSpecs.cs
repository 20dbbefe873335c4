using System.Text.RegularExpressions;

namespace CommonThread.Matching.Tests.LabelledPairs;

/// <summary>
/// Issue 18's hard rule on real-looking lists: the matcher may miss or ask, but never links a row to a facility it is
/// not. Recall targets are the benchmark's to print (bench: matching), not asserted here.
/// </summary>
public sealed partial class LabelledPairsSpecs
{
    private static readonly LabelledPairSet Set = LabelledPairSet.Load(Path.Combine(AppContext.BaseDirectory, LabelledPairSet.FolderName));

    [Fact]
    public void The_matcher_never_links_a_list_row_to_a_facility_it_is_not()
    {
        var matcher = new FacilityMatcher(FacilityIndex.Build(Set.Registry));
        var names = Set.Registry.ToDictionary(f => f.Id, f => f.Name);

        var wrong = Set.Pairs
            .Select(pair => (pair, result: matcher.Match(pair.Record)))
            .Where(p => p.result.Decision == MatchDecision.Linked && p.result.FacilityId != p.pair.TruthOsId)
            .Select(p => $"row {p.pair.Source.Row} [{p.pair.Kind}] \"{p.pair.Source.Name}\" linked to {p.result.FacilityId} \"{names[p.result.FacilityId!]}\" "
                + $"({p.result.Confidence:F3}); truly {(p.pair.TruthOsId is { } truth ? $"{truth} \"{names[truth]}\"" : "not in the registry")}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong links:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_list_row_has_exactly_one_label_naming_the_same_row()
    {
        Assert.NotEmpty(Set.List);
        Assert.Equal(Set.List.Select(r => r.Row), Set.Labels.Select(l => l.Row).Order());
        var mismatched = Set.Labels.Where(l => Set.List[l.Row - 1].Name != l.Name).Select(l => $"row {l.Row}: label says \"{l.Name}\", list says \"{Set.List[l.Row - 1].Name}\"");
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Every_labelled_os_id_is_a_registry_facility()
    {
        var known = Set.Registry.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Set.Labels.Where(l => l.OsId is { } id && !known.Contains(id)).Select(l => $"row {l.Row}: {l.OsId}"));
    }

    [Fact]
    public void Os_ids_are_unique_and_shaped_like_open_supply_hub_ids()
    {
        Assert.Equal(Set.Registry.Count, Set.Registry.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Set.Registry, f => Assert.Matches(OsId(), f.Id));
        Assert.All(Set.Registry, f => Assert.StartsWith(f.CountryCode, f.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_list_country_names_exactly_one_country_as_the_importer_reads_it() =>
        Assert.Empty(Set.Pairs.Where(p => p.Record.CountryCode.Length == 0).Select(p => $"row {p.Source.Row}: \"{p.Source.Country}\""));

    [Fact]
    public void Every_label_has_a_known_kind_and_matches_name_a_facility_while_absent_rows_name_none()
    {
        Assert.Empty(Set.Labels.Where(l => l.KindInfo is null).Select(l => $"row {l.Row}: {l.Kind}"));
        Assert.All(Set.Labels.Where(l => l.KindInfo?.Group == PairGroup.Match), l => Assert.NotNull(l.OsId));
        Assert.All(Set.Labels.Where(l => l.KindInfo?.Group == PairGroup.Absent), l => Assert.Null(l.OsId));
    }

    [Fact]
    public void At_least_two_fifths_of_the_rows_are_true_matches_and_a_quarter_hard_look_alikes()
    {
        double Share(PairGroup group) => (double)Set.Labels.Count(l => l.KindInfo?.Group == group) / Set.Labels.Count;

        Assert.InRange(Share(PairGroup.Match), 0.40, 1.0);
        Assert.InRange(Share(PairGroup.LookAlike), 0.25, 1.0);
        Assert.InRange(Set.Registry.Count, 400, 500);
    }

    [Fact]
    public void Look_alikes_are_both_other_registry_facilities_and_facilities_the_registry_lacks()
    {
        var lookAlikes = Set.Labels.Where(l => l.KindInfo?.Group == PairGroup.LookAlike).ToList();

        Assert.Contains(lookAlikes, l => l.OsId is not null);
        Assert.Contains(lookAlikes, l => l.OsId is null);
    }

    [GeneratedRegex("^[A-Z]{2}20[0-9]{5}[A-Z0-9]{6}$")]
    private static partial Regex OsId();
}
