using System.Collections.Concurrent;
using System.Diagnostics;
using CommonThread.Matching;
using CommonThread.Matching.Synthetic;

namespace CommonThread.Bench.Matching;

/// <summary>
/// Issue 3's matching figures: a registry of synthetic facilities across 20 countries and a list of
/// which a known half are noisy copies of registry facilities (typos, reordered words, abbreviations,
/// legal-form changes, missing postcodes, case). Prints time, precision and recall for our matcher
/// and, in the same run, for a plain PostgreSQL pg_trgm similarity query.
/// </summary>
public static class MatchingBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var registrySize = options.Int("registry", 1_000_000);
        var rowCount = options.Int("rows", 100_000);
        Console.WriteLine($"matching benchmark: registry {registrySize:N0}, rows {rowCount:N0} (half noisy copies), {Environment.ProcessorCount} cores");

        var clock = Stopwatch.StartNew();
        var data = new SyntheticFacilities(seed: 2026);
        var registry = data.Registry(registrySize);
        var rows = LabelledRows.Make(data, registry, rowCount);
        Console.WriteLine($"  generate data          {clock.Elapsed.TotalSeconds,8:F1} s");

        clock.Restart();
        var index = FacilityIndex.Build(registry);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  build index            {buildSeconds,8:F1} s");

        clock.Restart();
        var results = new MatchResult[rows.Count];
        // --autolink and --review try other thresholds on every line (the defaults are the matcher's own).
        var thresholds = new MatchThresholds(options.Double("autolink", MatchThresholds.Default.AutoLink), options.Double("review", MatchThresholds.Default.Review));
        var matcher = new FacilityMatcher(index, thresholds);
        Parallel.For(0, rows.Count, i => results[i] = matcher.Match(rows[i].Row));
        var matchSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  match rows             {matchSeconds,8:F1} s   ({rows.Count / matchSeconds:N0} rows/s)");
        Console.WriteLine($"  index + match          {buildSeconds + matchSeconds,8:F1} s   (target ≤ 60 s)");
        Report("CommonThread.Matching", rows, results.Select(r => (r.Decision == MatchDecision.Linked ? r.FacilityId : null, r.Decision == MatchDecision.NeedsReview)).ToList());
        var dotted = LabelledRows.MakeDotted(data, registry, Math.Max(1_000, rowCount / 5));
        Report("dotted legal forms", dotted, dotted.Select(r => matcher.Match(r.Row)).Select(r => (r.Decision == MatchDecision.Linked ? r.FacilityId : null, r.Decision == MatchDecision.NeedsReview)).ToList());
        LabelledPairsBenchmark.Run(thresholds, options.Text("labelled"), options.Text("labelled-misses") is "yes");

        var postgres = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("pg_trgm baseline: skipped (no --postgres and no CT_BENCH_POSTGRES)");
            return 0;
        }

        await TrigramBaseline.RunAsync(postgres, registry, rows, options.Int("trgm-sample", 2_000), Report);
        return 0;
    }

    /// <summary>Precision over the rows linked, recall over the rows that truly have a match.</summary>
    public static void Report(string label, IReadOnlyList<LabelledRow> rows, IReadOnlyList<(string? LinkedId, bool Review)> outcomes)
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

        var truePairs = rows.Take(outcomes.Count).Count(r => r.TruthId is not null);
        Console.WriteLine($"  {label}: precision {(double)correct / Math.Max(1, linked):F4} (target ≥ 0.98), recall {(double)correct / Math.Max(1, truePairs):F4} (target ≥ 0.95), "
            + $"to review {(double)review / outcomes.Count:P1}, rows {outcomes.Count:N0}");
    }
}

public sealed record LabelledRow(FacilityRecord Row, string? TruthId);

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
