namespace CommonThread.Matching;

public enum MatchDecision
{
    /// <summary>Confident: link to the existing facility without asking.</summary>
    Linked,

    /// <summary>Plausible but uncertain, or two candidates too close to call: a person decides.</summary>
    NeedsReview,

    /// <summary>Nothing alike enough: a new facility.</summary>
    New,
}

/// <summary>The decision, the best candidate and how sure; <see cref="Evidence"/> says why, part by part, for the best candidate.</summary>
public sealed record MatchResult(MatchDecision Decision, string? FacilityId, double Confidence, string? RunnerUpId = null, double RunnerUpConfidence = 0)
{
    public IReadOnlyList<MatchEvidence> Evidence { get; init; } = [];
}

/// <summary>
/// Where confidence turns into a decision. Set after the comparisons were fixed (issue 18), on the benchmark's noise lines
/// and the hand-labelled pairs together: 0.84 keeps precision ≥ 0.999 on every synthetic line and no wrong link on the
/// labelled pairs, where 0.86 sent a fifth of the labelled rows to review (bench/README.md has the sweep).
/// </summary>
public sealed record MatchThresholds(double AutoLink = 0.84, double Review = 0.62, double AmbiguityMargin = 0.04)
{
    public static MatchThresholds Default { get; } = new();
}
