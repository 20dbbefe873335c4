namespace CommonThread.Web.Accountability;

/// <summary>A figure a brand may be shown: how many answers are behind it, and their average.</summary>
public sealed record FeedbackFigure(int Count, double Score);

/// <summary>
/// Which figure a release stores for one brand and one area, given the one stored by the last
/// release and the one the answers so far come to. The rule: no two figures a brand can read differ
/// by fewer answers than the threshold, or their difference would be one supplier's answers.
/// <list type="bullet">
/// <item>A figure under the threshold is never stored: stored figures are exactly those a brand may
/// have read (a later, higher threshold hides one, but the brand may have read it before).</item>
/// <item>A stored figure is replaced only by one with at least the threshold in force more answers.
/// The threshold only goes up (<see cref="RoundThreshold"/>), so the one in force is the highest the
/// round ever had, and a raise cannot let a figure move by a batch that was enough before it.</item>
/// <item>Figures stored before this rule may be under the threshold: one under
/// <see cref="MonitoringRound.LowestThreshold"/> was never shown and may be replaced; any other is
/// taken as read.</item>
/// </list>
/// </summary>
public static class FeedbackBatch
{
    /// <summary>The figure to store, or null when there is none yet.</summary>
    public static FeedbackFigure? Next(FeedbackFigure? stored, FeedbackFigure fresh, int threshold) =>
        fresh.Count < threshold ? stored
        : stored is null || stored.Count < MonitoringRound.LowestThreshold || fresh.Count - stored.Count >= threshold ? fresh
        : stored;
}

/// <summary>How a round's threshold may change: only upwards, so results once hidden stay hidden.</summary>
public static class RoundThreshold
{
    public static bool MayChange(int current, int proposed) => proposed >= current && proposed >= MonitoringRound.LowestThreshold;
}
