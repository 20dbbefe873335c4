using CommonThread.Web.Audits;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;

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
    /// <summary>Still to do first: waiting for agreement, then agreed and waiting to be implemented, then done; the latest step first within each.</summary>
    public static readonly ListOrder<CaseRemedy> StillToDoFirst = new ListOrder<CaseRemedy>(r => r.Summary.Id)
        .By(r => r.Implemented).By(r => r.Summary.Status != CaseStatus.RemedyProposed)
        .By(r => r.ImplementedOn ?? r.AgreedOn ?? r.ProposedOn ?? DateOnly.MinValue, descending: true);

    public async Task<RemediationOverview> ForAsync(OrganisationAccess access, CancellationToken ct)
    {
        var plans = (await correctivePlans.ListAsync(access, ct)).OrderByDescending(p => p.Overdue).ThenByDescending(p => p.Open).ThenByDescending(p => p.CreatedAt).ToList();
        return new(await RemediesAsync(access, ct), plans);
    }

    /// <summary>The remedies alone, in <see cref="StillToDoFirst"/>, for those who read the corrective plans otherwise or not at all.</summary>
    public async Task<IReadOnlyList<CaseRemedy>> RemediesAsync(OrganisationAccess access, CancellationToken ct)
    {
        var remedies = (await cases.RemediesAsync(access, ct)).ToList();
        remedies.Sort(StillToDoFirst);
        return remedies;
    }
}
