using CommonThread.Data;
using CommonThread.Web.Accountability;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.DueDiligence.Plans;

/// <summary>
/// What a linked record says, as the reader may read it in its own feature: its title, where it is (a facility, a
/// supplier, an agreement), its state (a label key, <see cref="EnumLabels"/>) and how far it has come.
/// </summary>
public sealed record LinkedRecord(string Title, string Where, string? State, int Done, int Total, int Overdue, string Href);

/// <summary>One piece of work a plan counts; <see cref="Record"/> is null for a reader the record's own feature does not let read it.</summary>
public sealed record LinkedWork(Guid Id, LinkedWorkKind Kind, Guid RecordId, LinkedRecord? Record);

/// <summary>A page of plans' linked work, and what their owner may still link (empty for plans it does not own).</summary>
public sealed record PlansWork(IReadOnlyDictionary<Guid, IReadOnlyList<LinkedWork>> Linked, IReadOnlyDictionary<Guid, IReadOnlyList<LinkableWork>> Linkable);

/// <summary>Work the plan's owner could link, with the facility or country it concerns (null for work not tied to one).</summary>
public sealed record LinkableWork(LinkedWorkKind Kind, Guid RecordId, LinkedRecord Record, Guid? FacilityId, string? CountryCode);

/// <summary>
/// Links the work a plan's owner follows elsewhere on the platform into the plan: corrective action plans, the
/// questionnaires it sent, the homework action plans of its suppliers, the commitments of its agreements. A link
/// grants nothing: every reader of the plan reads each linked record only as far as that record's own feature lets
/// it (a union reviewing the plan learns that a corrective plan is linked, and reads it only if it was invited to
/// it), and the owner links only what it may read itself. Only the owner links and unlinks.
/// </summary>
public sealed class LinkedWorkService(AppDbContext db, PlanService plans, CorrectivePlanService correctivePlans, AssignmentService assignments,
    ActionPlanService homeworkPlans, AgreementService agreements, AuditLog audit, TimeProvider clock)
{
    /// <summary>A picker longer than this helps nobody: the newest work where the impact is comes first.</summary>
    public const int MaxCandidates = 200;

    public async Task<IReadOnlyList<LinkedWork>> ForPlanAsync(OrganisationAccess access, Guid planId, CancellationToken ct)
    {
        var view = await plans.FindAsync(access, planId, ct);
        return (await ForPlansAsync(access, [view], ct))[view.Plan.Id];
    }

    /// <summary>The work each plan counts, oldest link first, read as <paramref name="access"/> may read it.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<LinkedWork>>> ForPlansAsync(OrganisationAccess access, IReadOnlyList<PlanView> views, CancellationToken ct) =>
        (await ForPageAsync(access, views, offerWork: false, ct)).Linked;

    /// <summary>What the owner may still link to one plan (nothing for anyone else's plan).</summary>
    public async Task<IReadOnlyList<LinkableWork>> CandidatesAsync(OrganisationAccess access, PlanView view, CancellationToken ct) =>
        (await ForPageAsync(access, [view], offerWork: true, ct)).Linkable.GetValueOrDefault(view.Plan.Id, []);

    /// <summary>
    /// For a page of plans: the work each counts (oldest link first, read as <paramref name="access"/> may read it) and,
    /// when <paramref name="offerWork"/>, what the owner may still link to each of its plans: its work at the impact's
    /// facility (or, for a country's impact, in that country) and work tied to no facility. The work the organisation
    /// reads is read once for both and for all the plans of the page.
    /// </summary>
    public async Task<PlansWork> ForPageAsync(OrganisationAccess access, IReadOnlyList<PlanView> views, bool offerWork, CancellationToken ct)
    {
        var ids = views.Select(v => v.Plan.Id).ToList();
        var links = (await db.Set<PlanLink>().AsNoTracking().Where(l => ids.Contains(l.PlanId)).ToListAsync(ct)).OrderBy(l => l.LinkedAt).ThenBy(l => l.Id).ToList();
        var mine = offerWork ? views.Where(v => v.Mine).ToList() : [];
        var kinds = mine.Count > 0 ? Enum.GetValues<LinkedWorkKind>().ToHashSet() : links.Select(l => l.Kind).ToHashSet();
        var readable = kinds.Count == 0 ? [] : await ReadableAsync(access, kinds, ct);
        var byRecord = readable.ToDictionary(w => (w.Kind, w.RecordId));
        var linked = ids.ToDictionary(id => id, IReadOnlyList<LinkedWork> (id) => links.Where(l => l.PlanId == id)
            .Select(l => new LinkedWork(l.Id, l.Kind, l.RecordId, byRecord.GetValueOrDefault((l.Kind, l.RecordId))?.Record)).ToList());
        var taken = links.Select(l => (l.PlanId, l.Kind, l.RecordId)).ToHashSet();
        var linkable = mine.ToDictionary(v => v.Plan.Id, IReadOnlyList<LinkableWork> (v) => readable
            .Where(w => !taken.Contains((v.Plan.Id, w.Kind, w.RecordId)))
            .Where(w => w.FacilityId is null || (v.Impact.FacilityId is { } facility ? w.FacilityId == facility : w.CountryCode == v.Impact.CountryCode))
            .Take(MaxCandidates).ToList());
        return new PlansWork(linked, linkable);
    }

    public async Task<LinkedWork> LinkAsync(OrganisationAccess access, Guid planId, LinkWorkInput input, CancellationToken ct)
    {
        var view = await plans.OwnedAsync(access, planId, () => new RuleViolation("plan", "Only the plan's owner links work to it; you may comment.", StatusCodes.Status403Forbidden), ct);
        var kind = input.Kind ?? throw new RuleViolation("kind", "Choose what kind of work to link.");
        var recordId = input.RecordId ?? throw new RuleViolation("recordId", "Choose the work to link.");
        // One answer for work that does not exist and work the owner may not read: the refusal tells nothing about either.
        var work = (await ReadableAsync(access, new HashSet<LinkedWorkKind> { kind }, ct)).FirstOrDefault(w => w.RecordId == recordId)
            ?? throw new RuleViolation("recordId", "Choose work your organisation follows on the platform.");

        var link = new PlanLink { PlanId = planId, Kind = kind, RecordId = recordId, LinkedAt = clock.GetUtcNow() };
        db.Add(link);
        audit.Record(access.Organisation.Id, "plan.work-linked", $"{kind} {recordId} linked to plan {view.Plan.Title}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw RuleViolation.Conflict("recordId", "This work is linked to the plan already.");
        }

        return new LinkedWork(link.Id, kind, recordId, work.Record);
    }

    public async Task UnlinkAsync(OrganisationAccess access, Guid planId, Guid linkId, CancellationToken ct)
    {
        var view = await plans.OwnedAsync(access, planId, () => new RuleViolation("plan", "Only the plan's owner removes work from it.", StatusCodes.Status403Forbidden), ct);
        var link = await db.Set<PlanLink>().FirstOrDefaultAsync(l => l.Id == linkId && l.PlanId == planId, ct) ?? throw RuleViolation.NotFound("linked work");
        db.Remove(link);
        audit.Record(access.Organisation.Id, "plan.work-unlinked", $"{link.Kind} {link.RecordId} removed from plan {view.Plan.Title}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The records of the given kinds the organisation reads in their own features, newest first within each kind.</summary>
    private async Task<IReadOnlyList<LinkableWork>> ReadableAsync(OrganisationAccess access, IReadOnlySet<LinkedWorkKind> kinds, CancellationToken ct)
    {
        var org = access.Organisation.Id;
        var work = new List<LinkableWork>();
        if (kinds.Contains(LinkedWorkKind.CorrectiveActionPlan))
        {
            work.AddRange((await correctivePlans.RowsAsync(access, ct)).Select(r => new LinkableWork(LinkedWorkKind.CorrectiveActionPlan, r.Summary.Id,
                new LinkedRecord(r.Summary.Title, r.Summary.Facility, null, r.Summary.Items - r.Summary.Open, r.Summary.Items, r.Summary.Overdue, $"/o/{org}/corrective-plans/{r.Summary.Id}"),
                r.FacilityId, r.CountryCode)));
        }

        if (kinds.Contains(LinkedWorkKind.Questionnaire))
        {
            var sentAndReceived = (await assignments.ListAsync(access, sent: true, ct)).Concat(await assignments.ListAsync(access, sent: false, ct)).DistinctBy(a => a.Id);
            work.AddRange(sentAndReceived.Select(a => new LinkableWork(LinkedWorkKind.Questionnaire, a.Id,
                new LinkedRecord(a.Questionnaire, a.Facility, EnumLabels.Key(a.Status), a.Status == AssignmentStatus.Submitted ? 1 : 0, 1, a.Status == AssignmentStatus.Overdue ? 1 : 0,
                    $"/o/{org}/assessments/{a.Id}"), a.FacilityId, a.FacilityCountryCode)));
        }

        if (kinds.Contains(LinkedWorkKind.HomeworkActionPlan))
        {
            work.AddRange((await homeworkPlans.ListAsync(access, ct)).Select(p => new LinkableWork(LinkedWorkKind.HomeworkActionPlan, p.Id,
                new LinkedRecord(p.Title, p.Supplier, null, p.Measures.Count(m => m.DoneOn is not null), p.Measures.Count, p.Measures.Count(m => m.Overdue),
                    $"/o/{org}/homework/plans#plan-{p.Id}"), null, null)));
        }

        if (kinds.Contains(LinkedWorkKind.AgreementCommitment))
        {
            work.AddRange((await agreements.ListAsync(access, ct)).SelectMany(a => a.Commitments.Select(c => new LinkableWork(LinkedWorkKind.AgreementCommitment, c.Id,
                new LinkedRecord($"{c.Number}. {c.Text}", a.Title, EnumLabels.Key(c.Status), c.Status == CommitmentStatus.Done ? 1 : 0, 1, 0, $"/o/{org}/agreements/{a.Id}"), null, null))));
        }

        return work;
    }
}
