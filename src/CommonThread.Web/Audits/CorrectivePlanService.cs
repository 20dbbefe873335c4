using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Audits;

/// <summary>
/// Corrective action plans: drawn up from an audit's findings by the buyer that recorded it, kept up
/// to date by the facility's operator, verified by the buyer at follow-up, and reviewed by unions
/// invited to the categories that concern them — never more.
/// </summary>
public sealed class CorrectivePlanService(AppDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public static readonly FindingCategory[] UnionCategories = [FindingCategory.FreedomOfAssociation, FindingCategory.CollectiveBargaining, FindingCategory.GrievanceMechanism];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Days to put a finding right, by severity, until the supplier and buyer agree otherwise.</summary>
    public static int DaysFor(Severity severity) => severity switch
    {
        Severity.ZeroTolerance => 7,
        Severity.Critical => 30,
        Severity.Major => 60,
        _ => 90,
    };

    public async Task<CorrectivePlanDto> FromAuditAsync(OrganisationAccess access, Guid auditId, PlanFromAuditInput input, CancellationToken ct)
    {
        var source = await (from a in db.Set<Audit>()
                            join f in db.Set<Facility>() on a.FacilityId equals f.Id
                            where a.Id == auditId && a.RecordedByOrganisationId == access.Organisation.Id
                            select new { a, f.Name, f.OperatorOrganisationId }).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("audit");
        if (source.OperatorOrganisationId is not { } supplierId || supplierId == access.Organisation.Id)
        {
            throw new RuleViolation("audit", "A plan is drawn up by a buyer for a facility run by an organisation on CommonThread.");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Owner))
        {
            throw new RuleViolation(string.IsNullOrWhiteSpace(input.Title) ? "title" : "owner", "Give the plan a title and say who at the facility answers for it.");
        }

        var findings = await db.Set<NonConformity>().AsNoTracking().Where(n => n.AuditId == auditId).ToListAsync(ct);
        if (findings.Count == 0)
        {
            throw new RuleViolation("audit", "This audit has no findings to correct.");
        }

        var plan = new CorrectiveActionPlan
        {
            FacilityId = source.a.FacilityId, AuditId = auditId, SupplierOrganisationId = supplierId, FollowedByOrganisationId = access.Organisation.Id,
            Title = input.Title.Trim(), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(plan);
        db.AddRange(findings.Select(n => new CorrectiveAction
        {
            PlanId = plan.Id, NonConformityId = n.Id, Category = n.Category, Description = n.Finding, Owner = input.Owner.Trim(), DueOn = Today.AddDays(DaysFor(n.Severity)),
        }));
        await notifier.TellAsync([supplierId], Phrase.Of("{0} drew up a corrective action plan for {1}: '{2}'.", access.Organisation.Name, source.Name, plan.Title), o => $"/o/{o}/corrective-plans/{plan.Id}", ct);
        audit.Record(access.Organisation.Id, "cap.created", $"Corrective action plan '{plan.Title}' for '{source.Name}' with {findings.Count} items");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(access, plan.Id, ct);
    }

    public async Task<IReadOnlyList<CorrectivePlanSummary>> ListAsync(OrganisationAccess access, CancellationToken ct) =>
        (await RowsAsync(access, ct)).Select(r => r.Summary).ToList();

    /// <summary>The readable plans, newest first, with what the plans page filters and sorts on: the facility's country, the open items' next due date, the findings the reader may see.</summary>
    public async Task<IReadOnlyList<CorrectivePlanRow>> RowsAsync(OrganisationAccess access, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var invited = await db.Set<PlanInvitation>().AsNoTracking().Where(i => i.UnionOrganisationId == id).ToListAsync(ct);
        var invitedIds = invited.Select(i => i.PlanId).ToList();
        var plans = await (from p in db.Set<CorrectiveActionPlan>()
                           join f in db.Set<Facility>() on p.FacilityId equals f.Id
                           join s in db.Set<Organisation>() on p.SupplierOrganisationId equals s.Id
                           join b in db.Set<Organisation>() on p.FollowedByOrganisationId equals b.Id
                           where p.SupplierOrganisationId == id || p.FollowedByOrganisationId == id || invitedIds.Contains(p.Id)
                           orderby p.CreatedAt descending
                           select new { p.Id, p.Title, p.SupplierOrganisationId, p.FollowedByOrganisationId, p.CreatedAt, p.FacilityId, Facility = f.Name, f.CountryCode, Supplier = s.Name, FollowedBy = b.Name })
                           .AsNoTracking().ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var actions = (await db.Set<CorrectiveAction>().AsNoTracking().Where(a => planIds.Contains(a.PlanId)).ToListAsync(ct)).ToLookup(a => a.PlanId);
        return plans.Select(p =>
        {
            var visible = Visible(actions[p.Id], p.SupplierOrganisationId == id || p.FollowedByOrganisationId == id ? null : invited.First(i => i.PlanId == p.Id)).ToList();
            var open = visible.Where(a => a.Status != ActionStatus.Done).ToList();
            return new CorrectivePlanRow(
                new CorrectivePlanSummary(p.Id, p.Title, p.Facility, p.Supplier, p.FollowedBy, visible.Count, open.Count, visible.Count(IsOverdue), visible.Count(a => a.Verified == true), p.CreatedAt),
                p.FacilityId, p.CountryCode, open.Count > 0 ? open.Min(a => a.DueOn) : null, p.CreatedAt, visible.Select(a => a.Description).ToList());
        }).ToList();
    }

    public async Task<CorrectivePlanDto> ViewAsync(OrganisationAccess access, Guid planId, CancellationToken ct)
    {
        var (plan, invitation) = await ReadableAsync(access, planId, ct);
        var names = await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Id == plan.SupplierOrganisationId || o.Id == plan.FollowedByOrganisationId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var facility = await db.Set<Facility>().AsNoTracking().Where(f => f.Id == plan.FacilityId).Select(f => f.Name).FirstAsync(ct);
        var actions = Visible(await db.Set<CorrectiveAction>().AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(ct), invitation)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToList();
        var actionIds = actions.Select(a => a.Id).ToList();
        var evidence = (await db.Set<CorrectiveEvidence>().AsNoTracking().Where(e => actionIds.Contains(e.ActionId))
            .Select(e => new { e.ActionId, e.Id, e.FileName, e.UploadedAt }).ToListAsync(ct)).ToLookup(e => e.ActionId);
        var comments = (await (from c in db.Set<PlanComment>()
                               join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                               where actionIds.Contains(c.ActionId)
                               select new { c.ActionId, o.Name, c.Text, c.CreatedAt }).AsNoTracking().ToListAsync(ct))
            .OrderBy(c => c.CreatedAt).ToLookup(c => c.ActionId);
        var unions = await (from i in db.Set<PlanInvitation>()
                            join o in db.Set<Organisation>() on i.UnionOrganisationId equals o.Id
                            where i.PlanId == planId
                            select o.Name).ToListAsync(ct);
        return new(plan.Id, plan.Title, plan.FacilityId, facility, names[plan.SupplierOrganisationId], names[plan.FollowedByOrganisationId], invitation is null ? plan.AuditId : null,
            invitation is not null, invitation is null ? Enum.GetValues<FindingCategory>() : [.. invitation.CategorySet.Order()], invitation is null ? unions.Order().ToList() : [],
            actions.Select(a => new CorrectiveActionDto(a.Id, a.Category, a.Description, a.Owner, a.DueOn, a.Status, a.Progress, IsOverdue(a), a.Verified, a.VerifiedBy, a.VerifiedOn,
                evidence[a.Id].Select(e => new EvidenceDto(e.Id, e.FileName, e.UploadedAt)).ToList(),
                comments[a.Id].Select(c => new CommentDto(c.Name, c.Text, c.CreatedAt)).ToList())).ToList());
    }

    public async Task<CorrectivePlanDto> UpdateAsync(OrganisationAccess access, Guid planId, Guid actionId, ActionUpdateInput input, CancellationToken ct)
    {
        var (plan, action) = await ActionAsync(access, planId, actionId, ct);
        if (plan.SupplierOrganisationId != access.Organisation.Id)
        {
            throw new RuleViolation("plan", "The organisation that runs the facility updates the items; the buyer verifies them.", StatusCodes.Status403Forbidden);
        }

        action.Status = input.Status ?? throw new RuleViolation("status", "Say where the item stands: open, in progress or done.");
        action.Progress = TextInput.OrNull(input.Progress) ?? action.Progress;
        action.Owner = TextInput.OrNull(input.Owner) ?? action.Owner;
        audit.Record(access.Organisation.Id, "cap.updated", $"Item of '{plan.Title}' now {action.Status}");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(access, planId, ct);
    }

    public async Task<CorrectivePlanDto> AddEvidenceAsync(OrganisationAccess access, Guid planId, Guid actionId, string fileName, byte[] bytes, CancellationToken ct)
    {
        var (plan, action) = await ActionAsync(access, planId, actionId, ct);
        if (plan.SupplierOrganisationId != access.Organisation.Id)
        {
            throw new RuleViolation("plan", "The organisation that runs the facility uploads the evidence.", StatusCodes.Status403Forbidden);
        }

        var name = AttachedDocument.Checked(fileName, bytes, "evidence");
        db.Add(new CorrectiveEvidence
        {
            ActionId = action.Id, FileName = name, ContentType = ContentTypeOf(name), Content = bytes, UploadedAt = clock.GetUtcNow(),
        });
        audit.Record(access.Organisation.Id, "cap.evidence", $"Evidence '{name}' for an item of '{plan.Title}'");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(access, planId, ct);
    }

    /// <summary>A file of an item the reader may see; for an invited union, only of its categories.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> EvidenceAsync(OrganisationAccess access, Guid planId, Guid evidenceId, CancellationToken ct)
    {
        var (_, invitation) = await ReadableAsync(access, planId, ct);
        var file = await (from e in db.Set<CorrectiveEvidence>()
                          join a in db.Set<CorrectiveAction>() on e.ActionId equals a.Id
                          where e.Id == evidenceId && a.PlanId == planId
                          select new { e.FileName, e.ContentType, e.Content, a.Category }).AsNoTracking().FirstOrDefaultAsync(ct);
        return file is null || (invitation is not null && !invitation.CategorySet.Contains(file.Category))
            ? throw RuleViolation.NotFound("evidence")
            : (file.FileName, file.ContentType, file.Content);
    }

    public async Task<CorrectivePlanDto> VerifyAsync(OrganisationAccess access, Guid planId, Guid actionId, VerificationInput input, CancellationToken ct)
    {
        var (plan, action) = await ActionAsync(access, planId, actionId, ct);
        if (plan.FollowedByOrganisationId != access.Organisation.Id)
        {
            throw new RuleViolation("plan", "The buyer following the plan verifies its items at a follow-up audit or visit.", StatusCodes.Status403Forbidden);
        }

        if (input.Verified is null || string.IsNullOrWhiteSpace(input.VerifiedBy) || input.VerifiedOn is not { } on)
        {
            throw new RuleViolation("verifiedBy", "Say whether it was verified, by whom and on which day.");
        }

        if (on > Today)
        {
            throw new RuleViolation("verifiedOn", "A verification cannot be in the future.");
        }

        Plausible.Day.Require(on, "verifiedOn");

        (action.Verified, action.VerifiedBy, action.VerifiedOn) = (input.Verified, input.VerifiedBy.Trim(), on);
        if (input.Verified == false && action.Status == ActionStatus.Done)
        {
            // Found not done at follow-up: it goes back to the supplier.
            action.Status = ActionStatus.InProgress;
        }

        audit.Record(access.Organisation.Id, "cap.verified", $"Item of '{plan.Title}' {(input.Verified == true ? "verified" : "not verified")} by {action.VerifiedBy}");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(access, planId, ct);
    }

    public async Task<CorrectivePlanDto> InviteAsync(OrganisationAccess access, Guid planId, InvitationInput input, CancellationToken ct)
    {
        var (plan, _) = await ReadableAsync(access, planId, ct);
        if (plan.FollowedByOrganisationId != access.Organisation.Id)
        {
            throw new RuleViolation("plan", "The buyer following the plan invites unions to review it.", StatusCodes.Status403Forbidden);
        }

        var union = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.UnionOrganisationId && o.Kind == OrganisationKind.Union, ct)
            ?? throw new RuleViolation("unionOrganisationId", "No union organisation has this id.");
        var categories = input.Categories.Count == 0 ? UnionCategories : input.Categories.Distinct().ToArray();
        var existing = await db.Set<PlanInvitation>().FirstOrDefaultAsync(i => i.PlanId == planId && i.UnionOrganisationId == union.Id, ct);
        if (existing is not null)
        {
            db.Remove(existing);
        }

        db.Add(new PlanInvitation { PlanId = planId, UnionOrganisationId = union.Id, Categories = string.Join(',', categories), InvitedAt = clock.GetUtcNow() });
        await notifier.TellAsync([union.Id], Phrase.Of("{0} invites you to review the corrective action plan '{1}'.", access.Organisation.Name, plan.Title), o => $"/o/{o}/corrective-plans/{planId}", ct);
        audit.Record(access.Organisation.Id, "cap.union-invited", $"{union.Name} invited to review '{plan.Title}' ({string.Join(", ", categories)})");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(access, planId, ct);
    }

    public async Task<CorrectivePlanDto> CommentAsync(OrganisationAccess access, Guid planId, Guid actionId, CommentInput input, CancellationToken ct)
    {
        var (_, action) = await ActionAsync(access, planId, actionId, ct);
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw new RuleViolation("text", "Write the comment.");
        }

        db.Add(new PlanComment { ActionId = action.Id, OrganisationId = access.Organisation.Id, Text = input.Text.Trim(), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(access, planId, ct);
    }

    private bool IsOverdue(CorrectiveAction a) => a.Status != ActionStatus.Done && a.DueOn < Today;

    /// <summary>Everything for the supplier and the buyer; for an invited union, the items of its categories.</summary>
    private static IEnumerable<CorrectiveAction> Visible(IEnumerable<CorrectiveAction> actions, PlanInvitation? invitation) =>
        invitation is null ? actions : actions.Where(a => invitation.CategorySet.Contains(a.Category));

    private async Task<(CorrectiveActionPlan Plan, PlanInvitation? Invitation)> ReadableAsync(OrganisationAccess access, Guid planId, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var plan = await db.Set<CorrectiveActionPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw RuleViolation.NotFound("plan");
        if (plan.SupplierOrganisationId == id || plan.FollowedByOrganisationId == id)
        {
            return (plan, null);
        }

        var invitation = await db.Set<PlanInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.PlanId == planId && i.UnionOrganisationId == id, ct);
        return invitation is null ? throw RuleViolation.NotFound("plan") : (plan, invitation);
    }

    /// <summary>An item the reader may see, tracked for a change; an item outside a union's categories is not found.</summary>
    private async Task<(CorrectiveActionPlan Plan, CorrectiveAction Action)> ActionAsync(OrganisationAccess access, Guid planId, Guid actionId, CancellationToken ct)
    {
        var (plan, invitation) = await ReadableAsync(access, planId, ct);
        var action = await db.Set<CorrectiveAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct);
        return action is null || (invitation is not null && !invitation.CategorySet.Contains(action.Category)) ? throw RuleViolation.NotFound("item") : (plan, action);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
}
