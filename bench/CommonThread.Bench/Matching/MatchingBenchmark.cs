using System.Diagnostics;
using CommonThread.Matching;
using CommonThread.Matching.Synthetic;

namespace CommonThread.Bench.Matching;

/// <summary>
/// Issue 3's matching figures and issue 18's lines per noise kind: a registry of synthetic facilities across 20
/// countries and lists of which about half are noisy copies of registry facilities. Prints time, precision, recall and
/// review share for our matcher per kind, the sister-units collapse test, and the pg_trgm baseline on the same rows.
/// </summary>
public static class MatchingBenchmark
{
    /// <summary>Issue 18's targets: recall and review share where the issue sets one (issue 3's recall for the base line).</summary>
    private static readonly Dictionary<string, LineTargets> Targets = new(StringComparer.Ordinal)
    {
        ["CommonThread.Matching"] = new(Recall: 0.95),
        ["run-together words"] = new(Recall: 0.90),
        ["split words"] = new(Recall: 0.90),
        ["mixed noise"] = new(Recall: 0.80, Review: 0.15),
    };

    // --show-errors N prints each line's first N wrong links and true matches made new, to see what its figures are made of.
    private static int showErrors;
    private static Dictionary<string, FacilityRecord> byId = [];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var registrySize = options.Int("registry", 1_000_000);
        var rowCount = options.Int("rows", 100_000);
        Console.WriteLine($"matching benchmark: registry {registrySize:N0}, rows {rowCount:N0} (half noisy copies), {Environment.ProcessorCount} cores");

        var clock = Stopwatch.StartNew();
        var data = new SyntheticFacilities(seed: 2026);
        var registry = data.Registry(registrySize);
        var rows = LabelledRows.Make(data, registry, rowCount);
        var lineRows = Math.Max(1_000, rowCount / 5);
        var lines = new List<NoiseLine> { new("dotted legal forms", [], LabelledRows.MakeDotted(data, registry, lineRows)) };
        lines.Add(SpacingNoise.RunTogether(data, registry, lineRows));
        lines.Add(SpacingNoise.Split(data, registry, lineRows));
        lines.Add(SpacedLetters.Make(data, lineRows));
        lines.Add(SisterUnits.Make(data, lineRows));
        lines.Add(BuildingTenants.Make(data, lineRows));
        lines.Add(LocalScriptNames.Make(data, lineRows));
        lines.Add(CountryAliasNoise.Make(data, registry, lineRows));
        lines.Add(MixedNoise.Make(data, registry, lineRows));
        var numbered = SisterUnits.NumberedList(data);
        // The kinds that need facilities of their own shape (sister units, tenants, initials, local scripts) add them.
        var extra = lines.SelectMany(l => l.Registry).ToList();
        registry.AddRange(extra);
        Console.WriteLine($"  generate data          {clock.Elapsed.TotalSeconds,8:F1} s   (registry {registry.Count:N0}: {extra.Count:N0} added by the noise kinds)");

        clock.Restart();
        showErrors = options.Int("show-errors", 0);
        byId = showErrors > 0 ? registry.ToDictionary(f => f.Id) : [];
        var index = FacilityIndex.Build(registry);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  build index            {buildSeconds,8:F1} s");

        clock.Restart();
        // --autolink and --review try other thresholds on every line (the defaults are the matcher's own).
        var thresholds = new MatchThresholds(options.Double("autolink", MatchThresholds.Default.AutoLink), options.Double("review", MatchThresholds.Default.Review));
        var matcher = new FacilityMatcher(index, thresholds);
        var outcomes = MatchAll(matcher, rows);
        var matchSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  match rows             {matchSeconds,8:F1} s   ({rows.Count / matchSeconds:N0} rows/s)");
        Console.WriteLine($"  index + match          {buildSeconds + matchSeconds,8:F1} s   (target ≤ 60 s)");
        Console.WriteLine($"  peak memory            {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9,8:F2} GB  (target ≤ 4 GB; all lines' data generated)");
        Report("CommonThread.Matching", rows, outcomes);

        foreach (var line in lines)
        {
            clock.Restart();
            var lineOutcomes = MatchAll(matcher, line.Rows);
            Report(line.Label, line.Rows, lineOutcomes, $", {line.Rows.Count / clock.Elapsed.TotalSeconds:N0} rows/s");
        }

        NumberedUnitsImported(numbered, thresholds);
        var refused = CountryAliasNoise.Check().Where(c => c.Found is not [var code] || code != c.Expected).ToList();
        Console.WriteLine($"  country aliases the lookup refuses or misreads: {(refused.Count == 0 ? "none" : string.Join(", ", refused.Select(r => $"{r.Alias} → [{string.Join(',', r.Found)}]")))}");
        LabelledPairsBenchmark.Run(thresholds, options.Text("labelled"), options.Text("labelled-misses") is "yes");

        var postgres = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("pg_trgm baseline: skipped (no --postgres and no CT_BENCH_POSTGRES)");
            return 0;
        }

        var compared = new List<NoiseLine> { new("CommonThread.Matching", [], rows) };
        compared.AddRange(lines);
        await TrigramBaseline.RunAsync(postgres, registry, compared, options.Int("trgm-sample", 300),
            (line, sample) => Report($"{line.Label}, ours on the same rows", sample, MatchAll(matcher, sample)),
            Report);
        Console.WriteLine($"  peak memory (whole run) {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9,7:F2} GB");
        return 0;
    }

    private static List<(string? LinkedId, bool Review)> MatchAll(FacilityMatcher matcher, IReadOnlyList<LabelledRow> rows)
    {
        var results = new MatchResult[rows.Count];
        Parallel.For(0, rows.Count, i => results[i] = matcher.Match(rows[i].Row));
        return [.. results.Select(r => (r.Decision == MatchDecision.Linked ? r.FacilityId : null, r.Decision == MatchDecision.NeedsReview))];
    }

    /// <summary>
    /// Issue 18's collapse test: 20,000 numbered sister units (1,000 companies × 20, each company at one address) read
    /// as one list by an importer that adds each new facility to the index before the next row, as
    /// FacilityImportRunner does. Every unit is its own facility: all should come out new, none linked.
    /// </summary>
    private static void NumberedUnitsImported(List<FacilityRecord> list, MatchThresholds thresholds)
    {
        var clock = Stopwatch.StartNew();
        var index = FacilityIndex.Build([]);
        var matcher = new FacilityMatcher(index, thresholds);
        var (created, linked, review) = (0, 0, 0);
        foreach (var unit in list)
        {
            switch (matcher.Match(unit).Decision)
            {
                case MatchDecision.Linked:
                    linked++;
                    break;
                case MatchDecision.NeedsReview:
                    review++;
                    break;
                default:
                    index.Add(FacilityNormaliser.Normalise(unit));
                    created++;
                    break;
            }
        }

        Console.WriteLine($"  numbered units imported as one list: {list.Count:N0} units → {created:N0} distinct facilities, {linked:N0} linked to another unit, "
            + $"{review:N0} to review ({clock.Elapsed.TotalSeconds:F1} s; target: ~{list.Count:N0} distinct, none linked)");
    }

    /// <summary>Precision over the rows linked, recall over the rows that truly have a match, review share over all rows.</summary>
    public static void Report(string label, IReadOnlyList<LabelledRow> rows, IReadOnlyList<(string? LinkedId, bool Review)> outcomes) =>
        Report(label, rows, outcomes, "");

    private static void Report(string label, IReadOnlyList<LabelledRow> rows, IReadOnlyList<(string? LinkedId, bool Review)> outcomes, string suffix)
    {
        var linked = 0;
        var correct = 0;
        var review = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].LinkedId is { } id)
            {
                linked++;
                correct += id == rows[i].TruthId ? 1 : 0;
            }

            review += outcomes[i].Review ? 1 : 0;
        }

        var targets = Targets.GetValueOrDefault(label.Split(',')[0], new LineTargets());
        var truePairs = rows.Take(outcomes.Count).Count(r => r.TruthId is not null);
        Console.WriteLine($"  {label}: precision {(double)correct / Math.Max(1, linked):F4} (target ≥ 0.99), "
            + $"recall {(double)correct / Math.Max(1, truePairs):F4} (target {(targets.Recall is { } r ? $"≥ {r:F2}" : "none")}), "
            + $"to review {(double)review / Math.Max(1, outcomes.Count):P1} (target {(targets.Review is { } v ? $"≤ {v:P0}" : "none")}), "
            + $"rows {outcomes.Count:N0} ({truePairs:N0} true matches){suffix}");
        var wrong = Enumerable.Range(0, outcomes.Count).Where(i => outcomes[i].LinkedId is { } id && id != rows[i].TruthId).Take(showErrors);
        foreach (var i in wrong)
        {
            Console.WriteLine($"      wrong link: {rows[i].Row.Name} | {rows[i].Row.Address} ({rows[i].Row.CountryCode}) → {Describe(outcomes[i].LinkedId)}; truth {Describe(rows[i].TruthId)}");
        }

        var missed = Enumerable.Range(0, outcomes.Count).Where(i => rows[i].TruthId is not null && outcomes[i].LinkedId is null && !outcomes[i].Review).Take(showErrors);
        foreach (var i in missed)
        {
            Console.WriteLine($"      missed (new): {rows[i].Row.Name} | {rows[i].Row.Address} ({rows[i].Row.CountryCode}); truth {Describe(rows[i].TruthId)}");
        }
    }

    private static string Describe(string? id) => id is null ? "none" : byId.TryGetValue(id, out var f) ? $"{f.Name} | {f.Address}" : id;

    private sealed record LineTargets(double? Recall = null, double? Review = null);
}

public static class LabelledRows
{
    /// <summary>Even rows copy a registry facility with noise; odd rows are facilities the registry lacks.</summary>
    public static List<LabelledRow> Make(SyntheticFacilities data, List<FacilityRecord> registry, int count)
    {
        var random = new Random(99);
        return Enumerable.Range(0, count).Select(i =>
        {
            if (i % 2 == 1)
            {
                return new LabelledRow(data.Facility($"row{i}"), null);
            }

            var source = registry[random.Next(registry.Count)];
            return new LabelledRow(data.Noisy(source, $"row{i}"), source.Id);
        }).ToList();
    }

    /// <summary>Like <see cref="Make"/>, but every row carries its country's legal form written with dots or spaces.</summary>
    public static List<LabelledRow> MakeDotted(SyntheticFacilities data, List<FacilityRecord> registry, int count)
    {
        var random = new Random(18);
        return Enumerable.Range(0, count).Select(i =>
        {
            var source = i % 2 == 1 ? data.Facility($"new{i}") : registry[random.Next(registry.Count)];
            return new LabelledRow(DottedLegalForms.Rewrite(source, $"dotted{i}", random), i % 2 == 1 ? null : source.Id);
        }).ToList();
    }
}
