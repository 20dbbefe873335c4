using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.DueDiligence.Plans;

public sealed record GoalView(PlanGoal Goal, IReadOnlyList<GoalMeasurement> Measurements);

/// <summary>A plan as its readers see it: the impact it answers, its goals with their measurements, its reviewers and the remarks on it.</summary>
public sealed record PlanView(DueDiligencePlan Plan, AdverseImpact Impact, string Owner, bool Mine, string? Facility, IReadOnlyList<GoalView> Goals,
    IReadOnlyList<string> Reviewers, string? Operator, IReadOnlyList<CommentRow> Comments)
{
    public static bool IsOverdue(PlanGoal goal, DateOnly today) => goal.Status != GoalStatus.Done && goal.DueOn < today;
}

/// <summary>
/// Action plans for the impacts of a register (prevent, mitigate, bring to an end). The plan is its owner's:
/// only the owner writes goals, progress and measurements. A union reviews a plan when the owner invites it
/// and while its presence is verified at the impact's facility (for a country-wide impact, at a facility of
/// the owner's confirmed chain in that country): it reads the plan and comments, nothing more. The owner may
/// share a plan for one facility's impact with the supplier that runs the facility, on the same terms: while the
/// owner's link to the facility is confirmed and the supplier still runs it. Nobody else learns that a plan exists.
/// </summary>
public sealed class PlanService(AppDbContext db, RiskRegisterService register, SupplyChainService chain, UnionPresences unions, AuditLog audit, TimeProvider clock)
{
    public const int MaxValue = 1_000_000_000;

    public async Task<IReadOnlyList<PlanView>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        Require(access);
        var me = access.Organisation.Id;
        var own = await db.Set<DueDiligencePlan>().AsNoTracking().Where(p => p.OwnerOrganisationId == me).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var invited = access.Organisation.Kind == OrganisationKind.Union
            ? await (from r in db.Set<PlanReviewer>() join p in db.Set<DueDiligencePlan>() on r.PlanId equals p.Id where r.UnionOrganisationId == me select p).AsNoTracking().ToListAsync(ct)
            : [];
        var reviewable = new List<DueDiligencePlan>();
        foreach (var plan in invited)
        {
            var impact = await db.Set<AdverseImpact>().AsNoTracking().SingleAsync(i => i.Id == plan.ImpactId, ct);
            if ((await EligibleUnionsAsync(plan.OwnerOrganisationId, impact, ct)).Contains(me))
            {
                reviewable.Add(plan);
            }
        }

        return await ViewsAsync(access, [.. own, .. reviewable.OrderBy(p => p.CreatedAt), .. await SharedWithOperatorAsync(me, ct)], ct);
    }

    /// <summary>Plans shared with the organisation as the operator of the impact's facility, while the share still holds.</summary>
    private async Task<IReadOnlyList<DueDiligencePlan>> SharedWithOperatorAsync(Guid me, CancellationToken ct)
    {
        var shared = await (from o in db.Set<PlanOperator>()
                            join p in db.Set<DueDiligencePlan>() on o.PlanId equals p.Id
                            join i in db.Set<AdverseImpact>() on p.ImpactId equals i.Id
                            where o.OrganisationId == me
                            select new { Plan = p, i.FacilityId }).AsNoTracking().ToListAsync(ct);
        var holding = new List<DueDiligencePlan>();
        foreach (var s in shared.OrderBy(s => s.Plan.CreatedAt))
        {
            if (s.FacilityId is { } facility && await OperatorAsync(s.Plan.OwnerOrganisationId, facility, ct) == me)
            {
                holding.Add(s.Plan);
            }
        }

        return holding;
    }

    /// <summary>Who runs the facility, when it is in the owner's confirmed chain; null otherwise.</summary>
    private async Task<Guid?> OperatorAsync(Guid ownerId, Guid facilityId, CancellationToken ct) =>
        (await chain.VisibleAsync(ownerId, ct)).FirstOrDefault(v => v.Confirmed && v.Facility.Id == facilityId)?.Facility.OperatorOrganisationId;

    /// <summary>Shares a plan for one facility's impact with the supplier running the facility: it reads the plan and comments.</summary>
    public async Task ShareWithOperatorAsync(OrganisationAccess access, Guid planId, CancellationToken ct)
    {
        var view = await OwnedAsync(access, planId, () => new RuleViolation("plan", "Only the plan's owner shares it.", StatusCodes.Status403Forbidden), ct);

        // One refusal for a country-wide impact, a facility outside the confirmed chain and one no supplier on the platform runs.
        var operatorId = view.Impact.FacilityId is { } facility ? await OperatorAsync(access.Organisation.Id, facility, ct) : null;
        var supplier = operatorId is { } id ? await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationKind.Supplier, ct) : null;
        if (supplier is null || supplier.Id == access.Organisation.Id)
        {
            throw new RuleViolation("plan", "Only a plan for one facility of your confirmed chain, run by a supplier on the platform, can be shared with its operator.");
        }

        if (await db.Set<PlanOperator>().AnyAsync(o => o.PlanId == planId && o.OrganisationId == supplier.Id, ct))
        {
            throw RuleViolation.Conflict("plan", "The plan is shared with the facility's operator already.");
        }

        db.Add(new PlanOperator { PlanId = planId, OrganisationId = supplier.Id, SharedAt = clock.GetUtcNow() });
        audit.Record(access.Organisation.Id, "plan.shared-with-operator", $"plan {view.Plan.Title} shared with {supplier.Name}");
        await db.SaveChangesAsync(ct);
    }

    public async Task<PlanView> FindAsync(OrganisationAccess access, Guid planId, CancellationToken ct) =>
        (await ListAsync(access, ct)).FirstOrDefault(v => v.Plan.Id == planId) ?? throw RuleViolation.NotFound("plan");

    public async Task<DueDiligencePlan> CreateAsync(OrganisationAccess access, PlanInput input, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var impactId = input.ImpactId ?? throw new RuleViolation("impactId", "Choose the impact the plan answers.");
        var impact = (await register.ListAsync(access, ct)).FirstOrDefault(r => r.Mine && r.Impact.Id == impactId)?.Impact
            ?? throw RuleViolation.NotFound("impact").For("impactId");
        var title = TextInput.OrNull(input.Title) ?? throw new RuleViolation("title", "Give the plan a title.");
        PlanTemplate? template = null;
        if (TextInput.OrNull(input.Template) is { } key && !PlanTemplates.All.TryGetValue(key, out template))
        {
            throw new RuleViolation("template", Phrase.Of("There is no plan template {0}.", key));
        }

        var plan = new DueDiligencePlan
        {
            OwnerOrganisationId = access.Organisation.Id, ImpactId = impact.Id, Title = title, CreatedAt = clock.GetUtcNow(),
            Template = template is null ? null : $"{template.Key}@{PlanTemplates.Version}",
        };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var goals = (template?.Goals ?? []).Select(g => (g.Goal, g.Indicator, g.Target, g.Owner, DueOn: today.AddDays(g.DueInDays), FromTemplate: true))
            .Concat((input.Goals ?? []).Select((g, n) => Own(g, n))).ToList();
        if (goals.Count == 0)
        {
            throw new RuleViolation("goals", "A plan needs at least one goal: choose a template or write the goals.");
        }

        db.Add(plan);
        db.AddRange(goals.Select((g, n) => new PlanGoal
        {
            PlanId = plan.Id, Number = n + 1, Goal = g.Goal, GoalTemplate = g.FromTemplate ? g.Goal : null, Indicator = g.Indicator,
            IndicatorTemplate = g.FromTemplate ? g.Indicator : null, Target = g.Target, Owner = g.Owner, DueOn = g.DueOn, Status = GoalStatus.Planned,
        }));
        audit.Record(access.Organisation.Id, "plan.created", $"plan {plan.Title} for impact {impact.Title} with {goals.Count} goals");
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task UpdateGoalAsync(OrganisationAccess access, Guid planId, Guid goalId, GoalUpdateInput input, CancellationToken ct)
    {
        var goal = await OwnGoalAsync(access, planId, goalId, ct);
        goal.Status = input.Status ?? throw new RuleViolation("status", "Choose the status.");
        goal.Owner = TextInput.OrNull(input.Owner) ?? throw new RuleViolation("owner", "Name who is responsible.");
        goal.DueOn = input.DueOn ?? throw new RuleViolation("dueOn", "Give the due date.");
        goal.Progress = TextInput.OrNull(input.Progress);
        audit.Record(access.Organisation.Id, "plan.goal-updated", $"goal {goal.Number} of plan {planId}: {goal.Status}");
        await db.SaveChangesAsync(ct);
    }

    public async Task MeasureAsync(OrganisationAccess access, Guid planId, Guid goalId, MeasurementInput input, CancellationToken ct)
    {
        var goal = await OwnGoalAsync(access, planId, goalId, ct);
        var on = input.On ?? throw new RuleViolation("on", "Give the day the value was measured.");
        if (on > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new RuleViolation("on", "A measurement cannot be dated in the future.");
        }

        var value = input.Value ?? throw new RuleViolation("value", "Give the value.");
        // Indicators count or share (facilities, answers, %): a negative value is a typing error.
        if (value is < 0 or > MaxValue)
        {
            throw new RuleViolation("value", Phrase.Of("A measured value is from 0 to {0}.", MaxValue));
        }

        db.Add(new GoalMeasurement { GoalId = goal.Id, On = on, Value = value, Note = TextInput.OrNull(input.Note) });
        audit.Record(access.Organisation.Id, "plan.measured", $"goal {goal.Number} of plan {planId}: {input.Value} on {on:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The unions the owner may ask to review the plan, by name: those verified where the impact is.</summary>
    public async Task<IReadOnlyList<Organisation>> ReviewerCandidatesAsync(OrganisationAccess access, PlanView view, CancellationToken ct)
    {
        if (!view.Mine)
        {
            return [];
        }

        var eligible = await EligibleUnionsAsync(access.Organisation.Id, view.Impact, ct);
        return await db.Set<Organisation>().AsNoTracking().Where(o => eligible.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
    }

    public async Task InviteReviewerAsync(OrganisationAccess access, Guid planId, ReviewerInput input, CancellationToken ct)
    {
        var view = await OwnedAsync(access, planId, () => new RuleViolation("plan", "Only the plan's owner invites reviewers.", StatusCodes.Status403Forbidden), ct);

        var union = input.UnionOrganisationId ?? throw new RuleViolation("unionOrganisationId", "Choose the union.");
        // One answer for an unknown organisation and a union not verified there: the refusal tells nothing about either.
        if (!(await EligibleUnionsAsync(access.Organisation.Id, view.Impact, ct)).Contains(union))
        {
            throw new RuleViolation("unionOrganisationId", "Invite a union whose presence is verified where the impact is.");
        }

        db.Add(new PlanReviewer { PlanId = planId, UnionOrganisationId = union, InvitedAt = clock.GetUtcNow() });
        audit.Record(access.Organisation.Id, "plan.reviewer-invited", $"union {union} invited to review plan {view.Plan.Title}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw RuleViolation.Conflict("unionOrganisationId", "This union reviews the plan already.");
        }
    }

    public async Task CommentAsync(OrganisationAccess access, Guid planId, PlanCommentInput input, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var view = await FindAsync(access, planId, ct);
        var text = CommentText.Require(input.Text, RiskPlanComment.TextMaxLength);
        db.Add(new RiskPlanComment { PlanId = view.Plan.Id, OrganisationId = access.Organisation.Id, Text = text, At = clock.GetUtcNow() });
        audit.Record(access.Organisation.Id, "plan.commented", $"comment on plan {view.Plan.Title}");
        await db.SaveChangesAsync(ct);
    }

    private static OrganisationAccess Require(OrganisationAccess access) => RiskRegisterService.Require(access);

    /// <summary>
    /// A plan the caller's organisation owns, for an editor's change (here and in <see cref="LinkedWorkService"/>): the
    /// unions and the operator a plan concerns find it too, but only comment (each refusal says what only the owner does).
    /// </summary>
    public async Task<PlanView> OwnedAsync(OrganisationAccess access, Guid planId, Func<RuleViolation> refusal, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var view = await FindAsync(access, planId, ct);
        return view.Mine ? view : throw refusal();
    }

    private static (string Goal, string Indicator, string Target, string Owner, DateOnly DueOn, bool FromTemplate) Own(GoalInput g, int n)
    {
        string Field(string? value, string name) => TextInput.OrNull(value) ?? throw new RuleViolation($"goals[{n}].{name}", "This field is required.");
        return (Field(g.Goal, "goal"), Field(g.Indicator, "indicator"), Field(g.Target, "target"), Field(g.Owner, "owner"),
            g.DueOn ?? throw new RuleViolation($"goals[{n}].dueOn", "Give the due date."), false);
    }

    private async Task<PlanGoal> OwnGoalAsync(OrganisationAccess access, Guid planId, Guid goalId, CancellationToken ct)
    {
        await OwnedAsync(access, planId, () => new RuleViolation("plan", "Only the plan's owner changes its goals; you may comment.", StatusCodes.Status403Forbidden), ct);
        return await db.Set<PlanGoal>().FirstOrDefaultAsync(g => g.Id == goalId && g.PlanId == planId, ct) ?? throw RuleViolation.NotFound("goal");
    }

    /// <summary>Unions verified at the impact's facility, or for a country-wide impact at a facility of the owner's confirmed chain in that country.</summary>
    private async Task<IReadOnlyList<Guid>> EligibleUnionsAsync(Guid ownerId, AdverseImpact impact, CancellationToken ct)
    {
        var facilities = impact.FacilityId is { } f ? [f]
            : (await chain.VisibleAsync(ownerId, ct)).Where(v => v.Confirmed && v.Facility.CountryCode == impact.CountryCode).Select(v => v.Facility.Id).ToList();
        return await unions.VerifiedAtAnyAsync(facilities, ct);
    }

    private async Task<IReadOnlyList<PlanView>> ViewsAsync(OrganisationAccess access, IReadOnlyList<DueDiligencePlan> plans, CancellationToken ct)
    {
        var ids = plans.Select(p => p.Id).ToList();
        var impactIds = plans.Select(p => p.ImpactId).Distinct().ToList();
        var impacts = await db.Set<AdverseImpact>().AsNoTracking().Where(i => impactIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var goals = await db.Set<PlanGoal>().AsNoTracking().Where(g => ids.Contains(g.PlanId)).OrderBy(g => g.Number).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var measurements = (await db.Set<GoalMeasurement>().AsNoTracking().Where(m => goalIds.Contains(m.GoalId)).ToListAsync(ct)).OrderBy(m => m.On).ToLookup(m => m.GoalId);
        var reviewers = await (from r in db.Set<PlanReviewer>() join o in db.Set<Organisation>() on r.UnionOrganisationId equals o.Id
                               where ids.Contains(r.PlanId) select new { r.PlanId, r.UnionOrganisationId, o.Name }).AsNoTracking().ToListAsync(ct);
        var reviewerIds = reviewers.Select(r => (r.PlanId, r.UnionOrganisationId)).ToHashSet();
        var operators = (await (from s in db.Set<PlanOperator>() join o in db.Set<Organisation>() on s.OrganisationId equals o.Id
                                where ids.Contains(s.PlanId) select new { s.PlanId, o.Name }).AsNoTracking().ToListAsync(ct))
            .GroupBy(s => s.PlanId).ToDictionary(g => g.Key, g => g.First().Name);
        var comments = await (from c in db.Set<RiskPlanComment>() join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                              where ids.Contains(c.PlanId) select new { c.PlanId, c.OrganisationId, o.Name, c.Text, c.At }).AsNoTracking().ToListAsync(ct);
        var owners = plans.Select(p => p.OwnerOrganisationId).Distinct().ToList();
        var ownerNames = await db.Set<Organisation>().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var facilityIds = impacts.Values.Where(i => i.FacilityId != null).Select(i => i.FacilityId!.Value).Distinct().ToList();
        var facilityNames = await db.Set<Facility>().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var me = access.Organisation.Id;
        return plans.Select(p =>
        {
            var impact = impacts[p.ImpactId];
            // The owner reads every party; a reviewing union or the facility's operator reads the owner and itself
            // only: an employer does not read what a union said of the plan, nor which union reviews it.
            var mine = p.OwnerOrganisationId == me;
            var operatorView = !mine && operators.ContainsKey(p.Id) && !reviewerIds.Contains((p.Id, me));
            return new PlanView(p, impact, ownerNames.GetValueOrDefault(p.OwnerOrganisationId, ""), mine,
                impact.FacilityId is { } f ? facilityNames.GetValueOrDefault(f) : null,
                goals.Where(g => g.PlanId == p.Id).Select(g => new GoalView(g, measurements[g.Id].ToList())).ToList(),
                operatorView ? [] : reviewers.Where(r => r.PlanId == p.Id).Select(r => r.Name).Order(StringComparer.Ordinal).ToList(), operators.GetValueOrDefault(p.Id),
                comments.Where(c => c.PlanId == p.Id && (mine || c.OrganisationId == p.OwnerOrganisationId || c.OrganisationId == me)).OrderBy(c => c.At).Select(c => new CommentRow(c.Name, c.Text, c.At)).ToList());
        }).ToList();
    }
}
