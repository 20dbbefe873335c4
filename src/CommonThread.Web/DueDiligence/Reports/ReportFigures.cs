using CommonThread.Data;
using CommonThread.Web.Audits;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.DueDiligence.Reports;

/// <summary>
/// One figure of a report: what it counts, its value (null when the records cannot give it), and the page
/// that lists the records behind it, so every number can be followed back.
/// </summary>
public sealed record Figure(string Key, Phrase Label, Phrase? Value, double? Number, string? Records);

/// <summary>
/// The figures the reports are made of, computed from the organisation's own records through each feature's
/// service, within its rights: its confirmed chain, its register and plans, the audits and corrective plans
/// it follows, and the grievance cases it is a party to (as the statistics show them: small groups hidden).
/// </summary>
public sealed class ReportFigures(AppDbContext db, SupplyChainService chain, UnionPresences unions, RiskRegisterService register, PlanService plans,
    AuditService audits, CorrectivePlanService correctivePlans, GrievanceStatistics grievances, Remediation.RemediationService remediation, RiskMethods.RiskMethodService riskMethods, TimeProvider clock)
{
    /// <summary>Every figure key a report structure may name.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "policy.statement", "chain.facilities", "chain.countries", "chain.unionFacilities", "register.impacts", "register.actual", "register.fromEvidence",
        "register.severe", "register.method", "plans.count", "plans.goals", "plans.goalsDone", "plans.goalsOverdue", "plans.measured", "plans.unionReviewed",
        "plans.severeWithoutPlan", "audits.findings", "audits.correctivePlans", "audits.actionsVerified", "grievances.cases", "grievances.medianAcknowledge",
        "grievances.medianClose", "engagement.unionComments", "engagement.records", "remediation.provided", "conclusions.recorded", "communication.published",
    };

    public async Task<IReadOnlyDictionary<string, Figure>> ForAsync(OrganisationAccess access, CancellationToken ct)
    {
        var org = $"/o/{access.Organisation.Id}";
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Where(v => v.Confirmed).Select(v => v.Facility).ToList();
        var withUnion = await unions.FacilitiesWithVerifiedUnionAsync(facilities.Select(f => f.Id).ToList(), ct);
        var impacts = (await register.ListAsync(access, ct)).Where(r => r.Mine).Select(r => r.Impact).ToList();
        var planViews = (await plans.ListAsync(access, ct)).Where(p => p.Mine).ToList();
        var goals = planViews.SelectMany(p => p.Goals).ToList();
        var findings = await audits.FindingTalliesAsync(access, ct);
        var capRows = await correctivePlans.RowsAsync(access, ct);
        var cases = (await grievances.ForAsync(access, ct)).FirstOrDefault(r => r.Dimension == "total");
        // The corrective plans are read once, above, for both their figures and the remediation overview.
        var method = await riskMethods.ForAsync(access.Organisation.Id, ct);
        var remedies = new Remediation.RemediationOverview(await remediation.RemediesAsync(access, ct), capRows.Select(r => r.Summary).ToList());
        var planned = planViews.Select(p => p.Plan.ImpactId).ToHashSet();
        var severe = impacts.Where(i => ImpactPriority.Severity(i) >= ImpactPriority.SevereFrom).ToList();
        var countries = facilities.Select(f => f.CountryCode).Distinct().Order().ToList();

        var figures = new List<Figure>
        {
            new("policy.statement", Phrase.Text("Due-diligence policy"), null, null, null),
            Count("chain.facilities", Phrase.Text("Facilities in the confirmed chain"), facilities.Count, $"{org}/facilities"),
            new("chain.countries", Phrase.Text("Countries of the chain"), Phrase.Of("{0}: {1}", countries.Count, string.Join(", ", countries.Select(Countries.NameOf))), countries.Count, $"{org}/facilities"),
            Count("chain.unionFacilities", Phrase.Text("Facilities with a union whose presence is verified"), withUnion.Count, $"{org}/facilities"),
            Count("register.impacts", Phrase.Text("Adverse impacts identified"), impacts.Count, $"{org}/risks"),
            Count("register.actual", Phrase.Text("Actual adverse impacts"), impacts.Count(i => i.Nature == ImpactNature.Actual), $"{org}/risks"),
            Count("register.fromEvidence", Phrase.Text("Impacts identified from audits, grievances, homework figures, country risk or unions"), impacts.Count(i => i.Source != ImpactSource.Manual), $"{org}/risks"),
            Count("register.severe", Phrase.Of("Severe impacts (severity {0} of 15 or more)", ImpactPriority.SevereFrom), severe.Count, $"{org}/risks"),
            new("register.method", Phrase.Text("How impacts are prioritised"),
                Phrase.Of("Severity (scale, scope and irremediability) first, then irremediability, then likelihood; country risk by {0} {1}.", method.Name, method.Version), null, $"{org}/risks"),
            Count("plans.count", Phrase.Text("Action plans"), planViews.Count, $"{org}/risk-plans"),
            Count("plans.goals", Phrase.Text("Goals with an owner, a due date and an indicator"), goals.Count, $"{org}/risk-plans"),
            Count("plans.goalsDone", Phrase.Text("Goals reached"), goals.Count(g => g.Goal.Status == GoalStatus.Done), $"{org}/risk-plans"),
            Count("plans.goalsOverdue", Phrase.Text("Goals past their due date"), goals.Count(g => PlanView.IsOverdue(g.Goal, today)), $"{org}/risk-plans"),
            Count("plans.measured", Phrase.Text("Goals whose indicator has been measured"), goals.Count(g => g.Measurements.Count > 0), $"{org}/risk-plans"),
            Count("plans.unionReviewed", Phrase.Text("Plans reviewed by a union"), planViews.Count(p => p.Reviewers.Count > 0), $"{org}/risk-plans"),
            Count("plans.severeWithoutPlan", Phrase.Text("Severe open impacts without a plan"), severe.Count(i => i.Status != ImpactStatus.Closed && !planned.Contains(i.Id)), $"{org}/risks"),
            Count("audits.findings", Phrase.Text("Audit findings"), findings.Sum(f => f.Findings), $"{org}/corrective-plans"),
            Count("audits.correctivePlans", Phrase.Text("Corrective action plans"), capRows.Count, $"{org}/corrective-plans"),
            new("audits.actionsVerified", Phrase.Text("Corrective actions verified"), Phrase.Of("{0} of {1}", capRows.Sum(r => r.Summary.Verified), capRows.Sum(r => r.Summary.Items)),
                capRows.Sum(r => r.Summary.Verified), $"{org}/corrective-plans"),
            new("grievances.cases", Phrase.Text("Grievance cases received"), cases is null ? Phrase.Of("{0}", 0) : cases.Cases is { } n ? Phrase.Of("{0}", n)
                : Phrase.Of("fewer than {0} (not shown)", GrievanceStatistics.MinimumGroup), cases?.Cases ?? 0, $"{org}/grievances"),
            Days("grievances.medianAcknowledge", Phrase.Text("Median days to acknowledge a case"), cases?.MedianDaysToAcknowledge, $"{org}/grievances"),
            Days("grievances.medianClose", Phrase.Text("Median days to close a case"), cases?.MedianDaysToClose, $"{org}/grievances"),
            Count("engagement.unionComments", Phrase.Text("Comments by unions on impacts and plans"), await UnionCommentsAsync(access.Organisation.Id, ct), $"{org}/risk-plans"),
            Count("engagement.records", Phrase.Text("Meetings and consultations recorded in the engagement log"), await db.Set<Engagement.EngagementRecord>().CountAsync(r => r.OwnerOrganisationId == access.Organisation.Id, ct), $"{org}/engagements"),
            Remedies(remedies, $"{org}/remediation"),
            new("conclusions.recorded", Phrase.Text("Conclusions for future measures"), null, null, null),
            new("communication.published", Phrase.Text("Public communication of how impacts are addressed"), null, null, null),
        };
        return figures.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    /// <summary>
    /// The grievance remedies implemented, agreed and waiting for agreement; hidden below the statistics' smallest
    /// group, as a handful of remedies in a published statement could point at the cases behind them.
    /// </summary>
    private static Figure Remedies(Remediation.RemediationOverview r, string records) =>
        r.Remedies.Count is > 0 and < GrievanceStatistics.MinimumGroup
            ? new("remediation.provided", Phrase.Text("Remedies provided to affected people"), Phrase.Of("fewer than {0} (not shown)", GrievanceStatistics.MinimumGroup), null, records)
            : new("remediation.provided", Phrase.Text("Remedies provided to affected people"),
                Phrase.Of("{0} implemented; {1} agreed, to be implemented; {2} waiting for agreement", r.Implemented, r.Agreed, r.AwaitingAgreement), r.Implemented, records);

    private static Figure Count(string key, Phrase label, int count, string records) => new(key, label, Phrase.Of("{0}", count), count, records);

    private static Figure Days(string key, Phrase label, double? days, string records) =>
        new(key, label, days is { } d ? Phrase.Of("{0}", Math.Round(d, 1)) : null, days, records);

    private async Task<int> UnionCommentsAsync(Guid organisationId, CancellationToken ct)
    {
        var unionIds = db.Set<Organisation>().Where(o => o.Kind == OrganisationKind.Union).Select(o => o.Id);
        var onImpacts = await (from c in db.Set<ImpactComment>() join i in db.Set<AdverseImpact>() on c.ImpactId equals i.Id
                               where i.OwnerOrganisationId == organisationId && unionIds.Contains(c.OrganisationId) select c.Id).CountAsync(ct);
        var onPlans = await (from c in db.Set<RiskPlanComment>() join p in db.Set<DueDiligencePlan>() on c.PlanId equals p.Id
                             where p.OwnerOrganisationId == organisationId && unionIds.Contains(c.OrganisationId) select c.Id).CountAsync(ct);
        return onImpacts + onPlans;
    }
}
