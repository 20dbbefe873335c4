using CommonThread.Matching;
using CommonThread.Matching.Tests.LabelledPairs;

namespace CommonThread.Bench.Matching;

/// <summary>
/// Issue 18's hand-labelled pairs (tests/CommonThread.Matching.Tests/LabelledPairs, read with the test suite's own loader):
/// a contributor's list typed the way people type it, matched against a registry in the Open Supply Hub layout. Prints
/// precision, auto-link recall, review share and the recall a person would reach deciding every review right, overall and
/// per kind of noise or look-alike, then every wrong link (there must be none) and, with <c>--labelled-misses yes</c>,
/// every true match not linked.
/// </summary>
public static class LabelledPairsBenchmark
{
    public static void Run(MatchThresholds thresholds, string? folder = null, bool listMisses = false)
    {
        var path = folder ?? LabelledPairSet.Find(Environment.CurrentDirectory);
        var set = LabelledPairSet.Load(path);
        var matcher = new FacilityMatcher(FacilityIndex.Build(set.Registry), thresholds);
        var outcomes = set.Pairs.Select(pair => new Outcome(pair, matcher.Match(pair.Record))).ToList();
        var names = set.Registry.ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);

        Console.WriteLine($"  labelled pairs: {outcomes.Count} list rows against {set.Registry.Count} facilities ({path})");
        Console.WriteLine(Line("overall", outcomes));
        foreach (var group in outcomes.GroupBy(o => o.Pair.Label.KindInfo?.Group).OrderBy(g => g.Key))
        {
            Console.WriteLine(Line($"[{group.Key}]", group.ToList()));
        }

        foreach (var kind in outcomes.GroupBy(o => o.Pair.Kind).OrderBy(g => g.First().Pair.Label.KindInfo?.Group).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line("  " + kind.Key, kind.ToList()));
        }

        // The rows that must end as new facilities: how many a person would still be asked about.
        var lacking = outcomes.Where(o => o.Pair.TruthOsId is null).ToList();
        Console.WriteLine($"    rows the registry lacks: {lacking.Count}, to review {lacking.Count(o => o.Result.Decision == MatchDecision.NeedsReview)} "
            + $"(look-alikes {lacking.Count(o => o.Result.Decision == MatchDecision.NeedsReview && o.Pair.Label.KindInfo?.Group == PairGroup.LookAlike)}), "
            + $"new {lacking.Count(o => o.Result.Decision == MatchDecision.New)}");

        var wrong = outcomes.Where(o => o.WronglyLinked).ToList();
        Console.WriteLine($"    wrongly linked: {wrong.Count}");
        foreach (var o in wrong)
        {
            Console.WriteLine($"      row {o.Pair.Source.Row} [{o.Pair.Kind}] \"{o.Pair.Source.Name}\" → \"{names[o.Result.FacilityId!]}\" ({o.Result.Confidence:F3}); truly "
                + (o.Pair.TruthOsId is { } truth ? $"\"{names[truth]}\"" : "not in the registry"));
        }

        if (listMisses)
        {
            foreach (var o in outcomes.Where(o => o.Pair.TruthOsId is not null && !o.CorrectlyLinked).OrderBy(o => o.Pair.Kind, StringComparer.Ordinal))
            {
                Console.WriteLine($"      missed row {o.Pair.Source.Row} [{o.Pair.Kind}] {o.Result.Decision} {o.Result.Confidence:F3} \"{o.Pair.Source.Name}\" | {o.Pair.Source.Address}"
                    + $"  ≠  \"{names[o.Pair.TruthOsId!]}\"" + (o.Result.FacilityId is { } id && id != o.Pair.TruthOsId ? $" (proposed \"{names[id]}\")" : ""));
                foreach (var e in o.Result.Evidence)
                {
                    Console.WriteLine($"          {e.Part}: {e.Verdict} {e.Score:F2}  [{e.RowValue}] / [{e.CandidateValue}]");
                }
            }
        }
    }

    /// <summary>
    /// Precision over the rows linked; recall over the rows whose truth is in the registry; a review counts as found when
    /// the truth is the candidate or the runner-up the review shows.
    /// </summary>
    private static string Line(string label, IReadOnlyList<Outcome> outcomes)
    {
        var linked = outcomes.Count(o => o.Result.Decision == MatchDecision.Linked);
        var correct = outcomes.Count(o => o.CorrectlyLinked);
        var reviews = outcomes.Count(o => o.Result.Decision == MatchDecision.NeedsReview);
        var foundInReview = outcomes.Count(o => o.Result.Decision == MatchDecision.NeedsReview && o.Pair.TruthOsId is { } truth
            && (o.Result.FacilityId == truth || o.Result.RunnerUpId == truth));
        var truePairs = outcomes.Count(o => o.Pair.TruthOsId is not null);
        string Ratio(int part, int whole) => whole == 0 ? "   -  " : $"{(double)part / whole:F4}";
        return $"    {label,-20} precision {Ratio(correct, linked)} (target ≥ 0.99), auto-link recall {Ratio(correct, truePairs)} (target ≥ 0.80), "
            + $"to review {(double)reviews / outcomes.Count,6:P1} (target ≤ 15 %), recall if reviews decided right {Ratio(correct + foundInReview, truePairs)}, "
            + $"rows {outcomes.Count} ({truePairs} in the registry)";
    }

    private sealed record Outcome(LabelledPair Pair, MatchResult Result)
    {
        public bool CorrectlyLinked => Result.Decision == MatchDecision.Linked && Result.FacilityId == Pair.TruthOsId;

        public bool WronglyLinked => Result.Decision == MatchDecision.Linked && Result.FacilityId != Pair.TruthOsId;
    }
}
