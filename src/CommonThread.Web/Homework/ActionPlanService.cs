using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

public sealed record ActionMeasureInput
{
    [Required, StringLength(1000)] public string Description { get; init; } = "";
    [Required, StringLength(200)] public string Owner { get; init; } = "";
    [Required] public DateOnly? DueOn { get; init; }
}

public sealed record ActionPlanInput
{
    [Required, StringLength(200)] public string Title { get; init; } = "";
    [Required, StringLength(4000)] public string Findings { get; init; } = "";
    [Required, StringLength(2000)] public string HomeworkerInvolvement { get; init; } = "";
    public List<ActionMeasureInput> Measures { get; init; } = [];
}

public sealed record MeasureDoneInput
{
    [Required] public DateOnly? DoneOn { get; init; }
    [StringLength(1000)] public string? Progress { get; init; }
}

public sealed record ActionMeasureDto(Guid Id, string Description, string Owner, DateOnly DueOn, DateOnly? DoneOn, string? Progress, bool Overdue);

public sealed record ActionPlanDto(Guid Id, string Supplier, string Title, string Findings, string HomeworkerInvolvement, DateOnly CreatedOn, DateOnly? ClosedOn,
    IReadOnlyList<ActionMeasureDto> Measures);

/// <summary>Homework action plans: kept by the supplier, read by everyone whose chain reaches it.</summary>
public sealed class ActionPlanService(AppDbContext db, SupplyChainService chain, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ActionPlanDto> CreateAsync(OrganisationAccess access, ActionPlanInput input, CancellationToken ct)
    {
        HomeworkRegister.EnsureKeeper(access);
        if (string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Findings))
        {
            throw new RuleViolation(string.IsNullOrWhiteSpace(input.Title) ? "title" : "findings", "Give the plan a title and say what falls short.");
        }

        if (string.IsNullOrWhiteSpace(input.HomeworkerInvolvement))
        {
            throw new RuleViolation("homeworkerInvolvement", "Say how homeworkers or their representatives were involved: the policy asks for it.");
        }

        if (input.Measures.Count == 0)
        {
            throw new RuleViolation("measures", "A plan has at least one measure, with an owner and a due date.");
        }

        for (var i = 0; i < input.Measures.Count; i++)
        {
            var m = input.Measures[i];
            if (string.IsNullOrWhiteSpace(m.Description) || string.IsNullOrWhiteSpace(m.Owner) || m.DueOn is null)
            {
                throw new RuleViolation($"measures[{i}]", "Each measure says what, who answers for it, and by when.");
            }

            Plausible.Day.Require(m.DueOn, $"measures[{i}].dueOn");
            if (m.DueOn < Today)
            {
                throw new RuleViolation($"measures[{i}].dueOn", "A new measure is due today or later.");
            }
        }

        var plan = new ActionPlan
        {
            OrganisationId = access.Organisation.Id, Title = input.Title.Trim(), Findings = input.Findings.Trim(), HomeworkerInvolvement = input.HomeworkerInvolvement.Trim(),
            CreatedOn = Today,
        };
        db.Add(plan);
        db.AddRange(input.Measures.Select(m => new ActionMeasure { PlanId = plan.Id, Description = m.Description.Trim(), Owner = m.Owner.Trim(), DueOn = m.DueOn!.Value }));
        audit.Record(access.Organisation.Id, "homework-plan.created", $"action plan {plan.Title} with {input.Measures.Count} measures");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(access, ct, plan.Id)).Single();
    }

    public async Task<ActionPlanDto> MeasureDoneAsync(OrganisationAccess access, Guid planId, Guid measureId, MeasureDoneInput input, CancellationToken ct)
    {
        var plan = await OwnPlanAsync(access, planId, ct);
        var measure = await db.Set<ActionMeasure>().FirstOrDefaultAsync(m => m.Id == measureId && m.PlanId == plan.Id, ct) ?? throw RuleViolation.NotFound("measure");
        if (input.DoneOn is not { } done || done > Today || done < plan.CreatedOn)
        {
            throw new RuleViolation("doneOn", "The day it was done is between the plan's start and today.");
        }

        measure.DoneOn = done;
        measure.Progress = string.IsNullOrWhiteSpace(input.Progress) ? null : input.Progress.Trim();
        audit.Record(access.Organisation.Id, "homework-plan.measure-done", $"measure done in action plan {plan.Title}");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(access, ct, plan.Id)).Single();
    }

    public async Task<ActionPlanDto> CloseAsync(OrganisationAccess access, Guid planId, CancellationToken ct)
    {
        var plan = await OwnPlanAsync(access, planId, ct);
        if (await db.Set<ActionMeasure>().AnyAsync(m => m.PlanId == plan.Id && m.DoneOn == null, ct))
        {
            throw RuleViolation.Conflict("measures", "A plan closes when every measure is done.");
        }

        plan.ClosedOn ??= Today;
        audit.Record(access.Organisation.Id, "homework-plan.closed", $"action plan {plan.Title} closed");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(access, ct, plan.Id)).Single();
    }

    /// <summary>A keeper's own plans; for anyone else, the plans of the suppliers running facilities in their chain.</summary>
    public async Task<IReadOnlyList<ActionPlanDto>> ListAsync(OrganisationAccess access, CancellationToken ct, Guid? planId = null)
    {
        var suppliers = access.Organisation.Kind is OrganisationKind.Supplier or OrganisationKind.Intermediary
            ? [access.Organisation.Id]
            : (await chain.VisibleAsync(access.Organisation.Id, ct)).Select(v => v.Facility.OperatorOrganisationId).OfType<Guid>().Distinct().ToList();
        var plans = await (from p in db.Set<ActionPlan>()
                           join o in db.Set<Organisation>() on p.OrganisationId equals o.Id
                           where suppliers.Contains(p.OrganisationId) && (planId == null || p.Id == planId)
                           orderby p.ClosedOn != null, p.CreatedOn descending
                           select new { Plan = p, Supplier = o.Name }).AsNoTracking().ToListAsync(ct);
        var ids = plans.Select(p => p.Plan.Id).ToList();
        var measures = (await db.Set<ActionMeasure>().AsNoTracking().Where(m => ids.Contains(m.PlanId)).ToListAsync(ct)).ToLookup(m => m.PlanId);
        return plans.Select(p => new ActionPlanDto(p.Plan.Id, p.Supplier, p.Plan.Title, p.Plan.Findings, p.Plan.HomeworkerInvolvement, p.Plan.CreatedOn, p.Plan.ClosedOn,
            measures[p.Plan.Id].OrderBy(m => m.DueOn)
                .Select(m => new ActionMeasureDto(m.Id, m.Description, m.Owner, m.DueOn, m.DoneOn, m.Progress, m.DoneOn is null && m.DueOn < Today)).ToList())).ToList();
    }

    private async Task<ActionPlan> OwnPlanAsync(OrganisationAccess access, Guid planId, CancellationToken ct) =>
        await db.Set<ActionPlan>().FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == access.Organisation.Id, ct) ?? throw RuleViolation.NotFound("action plan");
}
