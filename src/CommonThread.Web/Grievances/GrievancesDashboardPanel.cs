using CommonThread.Web.Organisations;

namespace CommonThread.Web.Grievances;

/// <summary>
/// The cases that need the party now: acknowledgements and first replies past their deadline, and those due
/// within <see cref="NearDays"/> days. Read from the party's own case list, so a party counts only its cases.
/// </summary>
public sealed class GrievancesDashboardPanel(CaseService cases, TimeProvider clock) : IDashboardPanel
{
    public const int NearDays = 3;
    private const int Shown = 5;

    public async Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct)
    {
        if (!OrganisationTabs.Offers(access.Organisation.Kind, "grievances"))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = (await cases.ListAsync(access, ct)).Where(c => c.Status is not (CaseStatus.Closed or CaseStatus.Rejected)).ToList();
        var overdue = open.Where(c => c.AcknowledgementOverdue || c.FeedbackOverdue).ToList();
        var near = open.Except(overdue).Where(c => NextDeadline(c) is { } due && due <= today.AddDays(NearDays)).ToList();
        var items = overdue.Select(c => Item(c, c.AcknowledgementOverdue ? "acknowledgement overdue since" : "reply to the reporter overdue since",
                c.AcknowledgementOverdue ? c.AcknowledgeBy : c.FeedbackBy, late: true))
            .Concat(near.Select(c => Item(c, c.Status == CaseStatus.Received ? "acknowledge by" : "reply to the reporter by", NextDeadline(c), late: false)))
            .Take(Shown).ToList();
        var onTrack = open.Count - overdue.Count - near.Count;
        return new DashboardPanel("grievances", 10, "Grievances", "grievances",
        [
            new("cases-open", "Open grievance cases", open.Count, false),
            new("cases-overdue", "Past a deadline", overdue.Count, true),
            new("cases-near-deadline", "Due within three days", near.Count, true),
            new("cases-urgent", "Urgent", open.Count(c => c.Urgent), true),
        ], items,
            open.Count == 0 ? null : new DashboardChart("Open cases by deadline", ["Cases"],
            [
                ("Past a deadline", [overdue.Count]), ("Due within three days", [near.Count]), ("On time", [onTrack]),
            ]));
    }

    /// <summary>
    /// The deadline the case waits on: acknowledgement while it is still only received, the first reply to the
    /// reporter while it is acknowledged; later states have answered both.
    /// </summary>
    private static DateOnly? NextDeadline(CaseSummary c) => c.Status switch
    {
        CaseStatus.Received => c.AcknowledgeBy < c.FeedbackBy ? c.AcknowledgeBy : c.FeedbackBy,
        CaseStatus.Acknowledged => c.FeedbackBy,
        _ => null,
    };

    private static DashboardItem Item(CaseSummary c, string note, DateOnly? on, bool late) =>
        new($"{c.Reference}{(c.FacilityName is { } f ? " · " + f : "")}", $"grievances/{c.Id}", note, on, late);
}
