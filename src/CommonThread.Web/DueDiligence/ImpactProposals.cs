using CommonThread.Data;
using CommonThread.Web.Accountability;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.Grievances;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.DueDiligence;

/// <summary>A suggested impact and the evidence behind it; <see cref="Key"/> names the evidence, so an accepted or declined proposal is not offered twice.</summary>
public sealed record ImpactProposal(string Key, Guid? FacilityId, string? Facility, string CountryCode, HumanRightsIssue Issue, ImpactNature Nature,
    ImpactSource Source, Phrase Evidence, int Scale, int Scope, int Irremediability, int Likelihood);

/// <summary>
/// Proposes impacts from what the platform already holds for the organisation, each read through its
/// owner feature's service and so within the organisation's rights: audit findings it reads, grievance
/// cases it is a party to (counts per facility and category, small groups suppressed, never content),
/// homework figures of its chain, the answers to the questionnaires it sent that the form says point to a risk,
/// the risk of the countries its chain is in, impacts unions verified at its facilities raised themselves, and its own purchasing practices (suppliers' pooled feedback as released
/// to it, the payments it recorded).
/// </summary>
public sealed class ImpactProposals(AppDbContext db, SupplyChainService chain, AuditService audits, GrievanceStatistics grievances,
    HomeworkOverview homework, CountryContextService countries, PurchasingPracticeSignals purchasing, PaymentTermsService payments, AssignmentService questionnaires,
    RiskMethods.RiskMethodService riskMethods)
{
    public async Task<IReadOnlyList<ImpactProposal>> ForAsync(OrganisationAccess access, IReadOnlySet<string> taken, CancellationToken ct)
    {
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Where(v => v.Confirmed).ToDictionary(v => v.Facility.Id, v => v.Facility);
        var proposals = new List<ImpactProposal>();
        ImpactProposal At(Guid facilityId, string key, HumanRightsIssue issue, ImpactNature nature, ImpactSource source, Phrase evidence, int scale, int scope, int irremediability,
            int likelihood) => new(key, facilityId, facilities[facilityId].Name, facilities[facilityId].CountryCode, issue, nature, source, evidence, scale, scope, irremediability, likelihood);

        foreach (var g in (await audits.FindingTalliesAsync(access, ct)).Where(t => facilities.ContainsKey(t.FacilityId) && EvidenceIssues.Of(t.Category) is not null)
                     .GroupBy(t => (t.FacilityId, Issue: EvidenceIssues.Of(t.Category)!.Value)))
        {
            var worst = g.Max(t => t.Worst);
            proposals.Add(At(g.Key.FacilityId, $"audit:{g.Key.FacilityId}:{g.Key.Issue}", g.Key.Issue, ImpactNature.Actual, ImpactSource.AuditFindings,
                AuditEvidence(worst, g.Sum(t => t.Findings), g.Max(t => t.LatestAuditOn)),
                EvidenceIssues.ScaleOf(worst), 3, EvidenceIssues.IrremediabilityOf(g.Key.Issue), 5));
        }

        foreach (var g in (await grievances.FacilityCategoryTalliesAsync(access, ct)).Where(t => facilities.ContainsKey(t.FacilityId) && EvidenceIssues.Of(t.Category) is not null)
                     .GroupBy(t => (t.FacilityId, Issue: EvidenceIssues.Of(t.Category)!.Value)))
        {
            proposals.Add(At(g.Key.FacilityId, $"grievances:{g.Key.FacilityId}:{g.Key.Issue}", g.Key.Issue, ImpactNature.Potential, ImpactSource.Grievances,
                Phrase.Of("{0} grievance cases on this issue came from this facility (counts only).", g.Sum(t => t.Cases)), 3, 3, EvidenceIssues.IrremediabilityOf(g.Key.Issue), 4));
        }

        foreach (var t in (await homework.FacilityFlagsAsync(access, ct)).Where(t => facilities.ContainsKey(t.FacilityId)))
        {
            if (t.BelowMinimumWage > 0)
            {
                proposals.Add(At(t.FacilityId, $"homework-wage:{t.FacilityId}", HumanRightsIssue.Homework, ImpactNature.Actual, ImpactSource.HomeworkFigures,
                    Phrase.Of("{0} of {1} homework work orders checked paid below the minimum wage.", t.BelowMinimumWage, t.WageChecked), 3, 3, 2, 5));
            }

            if (t.Overload > 0)
            {
                proposals.Add(At(t.FacilityId, $"homework-overload:{t.FacilityId}", HumanRightsIssue.Homework, ImpactNature.Actual, ImpactSource.HomeworkFigures,
                    Phrase.Of("{0} of {1} homework work orders gave a homeworker more than the agreed quota.", t.Overload, t.WorkOrders), 2, 3, 2, 5));
            }
        }

        var chainCountries = facilities.Values.Select(f => f.CountryCode).ToHashSet();
        var method = await riskMethods.ForAsync(access.Organisation.Id, ct);
        foreach (var risk in (await countries.ListAsync(ct)).Where(c => chainCountries.Contains(c.CountryCode)).SelectMany(method.Assess).Where(r => r.High))
        {
            proposals.Add(new($"country:{risk.CountryCode}:{risk.Issue}", null, null, risk.CountryCode, risk.Issue, ImpactNature.Potential, ImpactSource.CountryRisk,
                Phrase.Of("Country risk {0} of 5 (method {1}; {2}% of its inputs recorded).", risk.Score, $"{method.Name} {method.Version}", (int)Math.Round(risk.Coverage * 100)),
                3, 4, EvidenceIssues.IrremediabilityOf(risk.Issue), (int)Math.Round(risk.Score!.Value)));
        }

        // Purchasing practices contribute to impacts across the chain: a practice rated red (as the scorecards rate it) is proposed in each
        // country the chain is in (the feedback is pooled: it names no supplier, facility or country).
        foreach (var f in (await purchasing.FeedbackAsync(access, ct)).Where(f => FeedbackForm.Rating(f.Score) == "red" && EvidenceIssues.OfPurchasingPractice(f.Category) is not null))
        {
            var issue = EvidenceIssues.OfPurchasingPractice(f.Category)!.Value;
            foreach (var country in chainCountries.Order(StringComparer.Ordinal))
            {
                proposals.Add(new($"feedback:{f.RoundId}:{f.Category}:{country}", null, null, country, issue, ImpactNature.Potential, ImpactSource.Purchasing,
                    Phrase.Of("Your suppliers' pooled feedback on {0} scored {1} of 100 ({2} responses; {3}, released {4}).", FeedbackForm.Label(f.Category, null), f.Score, f.Responses,
                        f.Round, f.ReleasedOn),
                    2, 4, EvidenceIssues.IrremediabilityOf(issue), f.Score < 30 ? 4 : 3));
            }
        }

        var lateBySupplier = (await payments.OwnLatePaymentsAsync(access, ct)).ToDictionary(s => s.SupplierOrganisationId);
        foreach (var f in facilities.Values.Where(f => f.OperatorOrganisationId is { } o && lateBySupplier.ContainsKey(o)))
        {
            var late = lateBySupplier[f.OperatorOrganisationId!.Value];
            proposals.Add(At(f.Id, $"late-payment:{f.Id}", HumanRightsIssue.Wages, ImpactNature.Potential, ImpactSource.Purchasing,
                Phrase.Of("{0} of {1} of your invoices to this facility's operator in the last twelve months were paid late or are overdue (your own records).", late.Late, late.Judged),
                2, 3, EvidenceIssues.IrremediabilityOf(HumanRightsIssue.Wages), 2 * late.Late >= late.Judged ? 4 : 3));
        }

        // The latest answers at a facility first: an issue two questionnaires point to is proposed once, with the newer.
        var answered = (await questionnaires.RisksAnsweredAsync(access, ct)).Where(a => facilities.ContainsKey(a.FacilityId))
            .SelectMany(a => a.Signals.Select(s => (Answered: a, Signal: s, Issue: TextInput.EnumNamed<HumanRightsIssue>(s.Issue)))).Where(x => x.Issue is not null);
        foreach (var g in answered.GroupBy(x => (x.Answered.FacilityId, Issue: x.Issue!.Value)))
        {
            var latest = g.First().Answered;
            var questions = string.Join("; ", g.Where(x => x.Answered == latest).Select(x => x.Signal.Label));
            proposals.Add(At(g.Key.FacilityId, $"answers:{g.Key.FacilityId}:{g.Key.Issue}", g.Key.Issue, ImpactNature.Actual, ImpactSource.Questionnaires,
                Phrase.Of("The answers to '{0}' of {1} point to this issue: {2}", latest.Questionnaire, latest.SubmittedOn, questions),
                3, 3, EvidenceIssues.IrremediabilityOf(g.Key.Issue), 4));
        }

        var facilityIds = facilities.Keys.ToList();
        var fromUnions = await (from i in db.Set<AdverseImpact>()
                                join o in db.Set<Organisation>() on i.OwnerOrganisationId equals o.Id
                                where o.Kind == OrganisationKind.Union && i.FacilityId != null && facilityIds.Contains(i.FacilityId.Value) && i.Status != ImpactStatus.Closed
                                select new { Impact = i, Union = o.Name }).AsNoTracking().ToListAsync(ct);
        foreach (var u in fromUnions.Where(u => u.Impact.OwnerOrganisationId != access.Organisation.Id))
        {
            var i = u.Impact;
            proposals.Add(At(i.FacilityId!.Value, $"union:{i.Id}", i.Issue, i.Nature, ImpactSource.Union, Phrase.Of("Raised by {0}: {1}", u.Union, i.Title),
                i.Scale, i.Scope, i.Irremediability, i.Likelihood));
        }

        return proposals.Where(p => !taken.Contains(p.Key)).OrderByDescending(p => p.Scale + p.Scope + p.Irremediability).ThenByDescending(p => p.Likelihood)
            .ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    private static Phrase AuditEvidence(Severity worst, int findings, DateOnly latest) => worst switch
    {
        Severity.Minor => Phrase.Of("{0} audit findings on this issue, the worst of them minor; the latest audit ended {1}.", findings, latest),
        Severity.Major => Phrase.Of("{0} audit findings on this issue, the worst of them major; the latest audit ended {1}.", findings, latest),
        Severity.Critical => Phrase.Of("{0} audit findings on this issue, the worst of them critical; the latest audit ended {1}.", findings, latest),
        _ => Phrase.Of("{0} audit findings on this issue, the worst of them zero-tolerance; the latest audit ended {1}.", findings, latest),
    };
}
