namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Every noise kind in one list, as a real list mixes them: the base generator's typos, reordered words, abbreviations,
/// legal-form changes, dropped postcodes and capitals; dotted legal forms; run-together and split words; spaced
/// letters; sister units; tenants of one building; local-script names; country aliases — and on a quarter of the other
/// rows the country written out in the address and column as well. About half the rows are true matches.
/// </summary>
public static class MixedNoise
{
    public static NoiseLine Make(SyntheticFacilities data, IReadOnlyList<FacilityRecord> registry, int count, int seed = 189)
    {
        var random = new Random(seed);
        var share = Math.Max(20, count / 9 + 1);
        var lines = new List<NoiseLine>
        {
            Classic(data, registry, share, random),
            Dotted(registry, data, share, random),
            SpacingNoise.RunTogether(data, registry, share, seed + 1),
            SpacingNoise.Split(data, registry, share, seed + 2),
            Prefixed(SpacedLetters.Make(data, share, seed + 3)),
            Prefixed(SisterUnits.Make(data, share, seed + 4)),
            Prefixed(BuildingTenants.Make(data, share, seed + 5)),
            Prefixed(LocalScriptNames.Make(data, share, seed + 6)),
            CountryAliasNoise.Make(data, registry, share, seed + 7),
        };

        var rows = new List<LabelledRow>(count);
        for (var i = 0; rows.Count < count && lines.Any(l => i < l.Rows.Count); i++)
        {
            foreach (var line in lines.Where(l => i < l.Rows.Count))
            {
                var row = line.Rows[i];
                var aliased = line.Label != "country aliases" && random.Next(4) == 0;
                rows.Add(aliased ? row with { Row = CountryAliasNoise.WithAliases(row.Row, random) } : row);
            }
        }

        return new("mixed noise", [.. lines.SelectMany(l => l.Registry)], rows.Take(count).ToList());
    }

    private static NoiseLine Classic(SyntheticFacilities data, IReadOnlyList<FacilityRecord> registry, int count, Random random) =>
        new("classic", [], [.. Enumerable.Range(0, count).Select(i =>
        {
            if (i % 2 == 1)
            {
                return new LabelledRow(data.Facility($"mixc{i}"), null);
            }

            var source = registry[random.Next(registry.Count)];
            return new LabelledRow(data.Noisy(source, $"mixc{i}"), source.Id);
        })]);

    private static NoiseLine Dotted(IReadOnlyList<FacilityRecord> registry, SyntheticFacilities data, int count, Random random) =>
        new("dotted", [], [.. Enumerable.Range(0, count).Select(i =>
        {
            var source = i % 2 == 1 ? data.Facility($"mixd{i}") : registry[random.Next(registry.Count)];
            return new LabelledRow(DottedLegalForms.Rewrite(source, $"mixd{i}", random), i % 2 == 1 ? null : source.Id);
        })]);

    /// <summary>The line's own registry facilities renamed apart from the standalone line's, which the registry also holds.</summary>
    private static NoiseLine Prefixed(NoiseLine line) =>
        new(line.Label, [.. line.Registry.Select(f => f with { Id = "M" + f.Id })],
            [.. line.Rows.Select(r => r with { TruthId = r.TruthId is null ? null : "M" + r.TruthId })]);
}
