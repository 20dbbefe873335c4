using CommonThread.Web.Audits;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.DueDiligence.Remediation;

/// <summary>
/// Where an organisation's remediation stands: the remedies of the grievance cases it is a party to, from proposal
/// through every needed party's agreement to implementation and the reporter's answer, and the corrective actions
/// of the plans it takes part in, open, overdue or verified.
/// </summary>
public sealed record RemediationOverview(IReadOnlyList<CaseRemedy> Remedies, IReadOnlyList<CorrectivePlanSummary> CorrectivePlans)
{
    /// <summary>Proposed and waiting for the agreement the mechanism requires.</summary>
    public int AwaitingAgreement => Remedies.Count(r => r.Summary.Status == CaseStatus.RemedyProposed);

    /// <summary>Agreed by every party needed, not yet implemented.</summary>
    public int Agreed => Remedies.Count(r => r.Summary.Status == CaseStatus.RemedyAgreed);

    public int Implemented => Remedies.Count(r => r.Implemented);

    public int ReportersSatisfied => Remedies.Count(r => r.ReporterSatisfied == true);

    public int ReportersAnswered => Remedies.Count(r => r.ReporterSatisfied is not null);

    public int Actions => CorrectivePlans.Sum(p => p.Items);

    public int ActionsOverdue => CorrectivePlans.Sum(p => p.Overdue);

    public int ActionsVerified => CorrectivePlans.Sum(p => p.Verified);
}

/// <summary>Remediation followed in one place, each part read through its own feature's rules (case parties, plan readers).</summary>
public sealed class RemediationService(CaseService cases, CorrectivePlanService correctivePlans)
{
    public async Task<RemediationOverview> ForAsync(OrganisationAccess access, CancellationToken ct)
    {
        var remedies = (await cases.RemediesAsync(access, ct))
            // Still to do first: waiting for agreement, then agreed and waiting to be implemented, then done, newest first within each.
            .OrderBy(r => r.Implemented).ThenBy(r => r.Summary.Status != CaseStatus.RemedyProposed)
            .ThenByDescending(r => r.ImplementedOn ?? r.AgreedOn ?? r.ProposedOn).ThenBy(r => r.Summary.Reference, StringComparer.Ordinal).ToList();
        var plans = (await correctivePlans.ListAsync(access, ct)).OrderByDescending(p => p.Overdue).ThenByDescending(p => p.Open).ThenByDescending(p => p.CreatedAt).ToList();
        return new(remedies, plans);
    }
}
