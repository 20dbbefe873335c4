using CommonThread.Web.Organisations;

namespace CommonThread.Web.Assessments;

/// <summary>
/// Questionnaires the organisation has still to answer (overdue first), and for a sender those answers it is
/// still waiting for past their deadline: from the same lists as the Assessments page.
/// </summary>
public sealed class AssessmentsDashboardPanel(AssignmentService assignments) : IDashboardPanel
{
    private const int Shown = 5;

    public async Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct)
    {
        if (!OrganisationTabs.Offers(access.Organisation.Kind, "assessments"))
        {
            return null;
        }

        var toAnswer = (await assignments.ListAsync(access, sent: false, ct)).Where(a => a.Status != AssignmentStatus.Submitted)
            .OrderByDescending(a => a.Status == AssignmentStatus.Overdue).ThenBy(a => a.DueOn).ToList();
        var sends = access.Organisation.Kind is OrganisationKind.Brand or OrganisationKind.Initiative;
        var awaited = sends ? (await assignments.ListAsync(access, sent: true, ct)).Where(a => a.Status == AssignmentStatus.Overdue).ToList() : [];
        List<DashboardCount> counts =
        [
            new("questionnaires-to-answer", "Questionnaires to answer", toAnswer.Count, true),
            new("questionnaires-overdue", "Overdue", toAnswer.Count(a => a.Status == AssignmentStatus.Overdue), true),
        ];
        if (sends)
        {
            counts.Add(new("answers-overdue", "Answers you are waiting for past their deadline", awaited.Count, true));
        }

        var items = toAnswer.Take(Shown).Select(a => new DashboardItem($"{a.Questionnaire} · {a.Facility}", $"assessments/{a.Id}",
            a.Status == AssignmentStatus.Overdue ? "overdue since" : "due on", a.DueOn, a.Status == AssignmentStatus.Overdue)).ToList();
        return new DashboardPanel("assessments", 20, "Assessments", "assessments", counts, items);
    }
}
