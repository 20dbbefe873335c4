namespace CommonThread.Web.Organisations;

/// <summary>
/// A feature's part of an organisation's dashboard: what needs acting on there. Each feature implements it in
/// its own folder from its own list services, so the counts follow the same access rules as the feature's
/// pages (a brand counts only the cases it is a party to), and Organisations reads no other feature's tables.
/// </summary>
public interface IDashboardPanel
{
    /// <summary>The panel for this organisation, or null when the feature has nothing to show its kind.</summary>
    Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct);
}

/// <summary>
/// What a panel shows. Title, count labels and chart labels are resource keys (the dashboard translates them);
/// <paramref name="Link"/> and item links are paths under the organisation, such as "grievances/{id}".
/// </summary>
public sealed record DashboardPanel(string Id, int Order, string Title, string Link, IReadOnlyList<DashboardCount> Counts,
    IReadOnlyList<DashboardItem> Items, DashboardChart? Chart = null);

/// <summary>A figure with its label's key; <paramref name="NeedsAction"/> marks a figure above zero as something late or waiting.</summary>
public sealed record DashboardCount(string Id, string Label, int Value, bool NeedsAction);

/// <summary>One thing to act on: its name as recorded (not translated), where it is, and a note's key with an optional date.</summary>
public sealed record DashboardItem(string Text, string Link, string Note, DateOnly? On, bool Late);

/// <summary>Bars for a small chart: one row per label key, one value per series key.</summary>
public sealed record DashboardChart(string Title, IReadOnlyList<string> Series, IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> Rows);
