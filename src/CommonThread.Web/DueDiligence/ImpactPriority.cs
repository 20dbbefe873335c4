using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.DueDiligence;

/// <summary>
/// The order a register is worked through, and why. Severity comes first (UNGP 24: the most severe
/// impacts, or those where delay would make them irremediable, before the rest): scale + scope +
/// irremediability, 3 to 15. Among equally severe impacts the harder to remedy comes first, then the
/// more likely (an actual impact is certain), then the older.
/// </summary>
public static class ImpactPriority
{
    /// <summary>From this severity on an impact is severe: a report asks whether each has a plan.</summary>
    public const int SevereFrom = 12;

    public static int Severity(AdverseImpact i) => i.Scale + i.Scope + i.Irremediability;

    /// <summary>An actual impact has happened: its likelihood counts as certain whatever was entered.</summary>
    public static int Likelihood(AdverseImpact i) => i.Nature == ImpactNature.Actual ? 5 : i.Likelihood;

    public static IReadOnlyList<AdverseImpact> Order(IEnumerable<AdverseImpact> impacts) =>
        impacts.OrderByDescending(Severity).ThenByDescending(i => i.Irremediability).ThenByDescending(Likelihood)
            .ThenBy(i => i.RaisedAt).ThenBy(i => i.Id).ToList();

    /// <summary>An impact's own figures, as the register shows them beside its place.</summary>
    public static Phrase Figures(AdverseImpact impact) =>
        Phrase.Of("Severity {0} of 15 (scale {1}, scope {2}, irremediability {3}), likelihood {4} of 5.",
            Severity(impact), impact.Scale, impact.Scope, impact.Irremediability, Likelihood(impact));

    /// <summary>What put an impact before the next one in the order; null for the last.</summary>
    public static Phrase? Reason(AdverseImpact impact, AdverseImpact? next) =>
        next is null ? null
        : Severity(impact) > Severity(next) ? Phrase.Of("Before the next: more severe ({0} against {1}).", Severity(impact), Severity(next))
        : impact.Irremediability > next.Irremediability ? Phrase.Text("Before the next: as severe, but harder to remedy.")
        : Likelihood(impact) > Likelihood(next) ? Phrase.Text("Before the next: as severe and as hard to remedy, but more likely.")
        : Phrase.Text("Level with the next; raised earlier.");
}
