using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.DueDiligence.Engagement;

public sealed record EngagementInput
{
    [Required] public DateOnly? HeldOn { get; init; }

    [Required] public EngagementKind? Kind { get; init; }

    [Required, StringLength(EngagementRecord.SubjectMaxLength)] public string Subject { get; init; } = "";

    [Required, StringLength(EngagementRecord.TextMaxLength)] public string Raised { get; init; } = "";

    [StringLength(EngagementRecord.TextMaxLength)] public string? Done { get; init; }

    public Guid? ImpactId { get; init; }

    /// <summary>The organisations that took part: unions verified in the owner's confirmed chain, or the operators of its facilities.</summary>
    public List<Guid>? PartyIds { get; init; }
}

public sealed record EngagementCommentInput
{
    [Required, StringLength(EngagementComment.TextMaxLength)] public string Text { get; init; } = "";
}

/// <summary>A record as its readers see it.</summary>
public sealed record EngagementView(EngagementRecord Record, string Owner, bool Mine, string? Impact, IReadOnlyList<string> Parties, IReadOnlyList<CommentRow> Comments);

public sealed record EngagementDto(Guid Id, string Owner, bool Mine, DateOnly HeldOn, EngagementKind Kind, string Subject, string Raised, string? Done, Guid? ImpactId,
    string? Impact, IReadOnlyList<string> Parties, IReadOnlyList<ImpactCommentDto> Comments)
{
    public static EngagementDto From(EngagementView v) =>
        new(v.Record.Id, v.Owner, v.Mine, v.Record.HeldOn, v.Record.Kind, v.Record.Subject, v.Record.Raised, v.Record.Done, v.Record.ImpactId, v.Impact, v.Parties,
            v.Comments.Select(c => new ImpactCommentDto(c.Organisation, c.Text, c.At)).ToList());
}

/// <summary>
/// The stakeholder engagement log. A party can be named only where the owner has a confirmed relationship
/// to it: a union verified at a facility of the owner's confirmed chain, or the operator of such a facility
/// (for a union, the operators where it is verified). The record is then visible to the owner and to the
/// parties named in it, nobody else; each party adds its own account, the owner alone writes the record.
/// </summary>
public sealed class EngagementService(AppDbContext db, SupplyChainService chain, UnionPresences unions, RiskRegisterService register, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<EngagementView>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        RiskRegisterService.Require(access);
        var me = access.Organisation.Id;
        var asParty = db.Set<EngagementParty>().Where(p => p.OrganisationId == me).Select(p => p.RecordId);
        var records = await db.Set<EngagementRecord>().AsNoTracking().Where(r => r.OwnerOrganisationId == me || asParty.Contains(r.Id))
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var parties = await (from p in db.Set<EngagementParty>() join o in db.Set<Organisation>() on p.OrganisationId equals o.Id
                             where ids.Contains(p.RecordId) select new { p.RecordId, o.Name }).AsNoTracking().ToListAsync(ct);
        var comments = await (from c in db.Set<EngagementComment>() join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                              where ids.Contains(c.RecordId) select new { c.RecordId, o.Name, c.Text, c.At }).AsNoTracking().ToListAsync(ct);
        var owners = records.Select(r => r.OwnerOrganisationId).Distinct().ToList();
        var ownerNames = await db.Set<Organisation>().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var impactIds = records.Where(r => r.ImpactId != null).Select(r => r.ImpactId!.Value).ToList();
        var impacts = await db.Set<AdverseImpact>().Where(i => impactIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        return records.Select(r => new EngagementView(r, ownerNames.GetValueOrDefault(r.OwnerOrganisationId, ""), r.OwnerOrganisationId == me,
            r.ImpactId is { } i ? impacts.GetValueOrDefault(i) : null,
            parties.Where(p => p.RecordId == r.Id).Select(p => p.Name).Order(StringComparer.Ordinal).ToList(),
            comments.Where(c => c.RecordId == r.Id).OrderBy(c => c.At).Select(c => new CommentRow(c.Name, c.Text, c.At)).ToList())).ToList();
    }

    public async Task<EngagementView> FindAsync(OrganisationAccess access, Guid recordId, CancellationToken ct) =>
        (await ListAsync(access, ct)).FirstOrDefault(v => v.Record.Id == recordId) ?? throw RuleViolation.NotFound("engagement");

    /// <summary>The organisations the owner may name as parties, by name.</summary>
    public async Task<IReadOnlyList<Organisation>> PartyCandidatesAsync(OrganisationAccess access, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        var facilities = (await chain.VisibleAsync(me, ct)).Where(v => v.Confirmed).Select(v => v.Facility).ToList();
        var ids = (await unions.VerifiedAtAnyAsync(facilities.Select(f => f.Id).ToList(), ct))
            .Concat(facilities.Where(f => f.OperatorOrganisationId is not null).Select(f => f.OperatorOrganisationId!.Value))
            .Where(id => id != me).ToHashSet();
        return await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
    }

    public async Task<EngagementRecord> RecordAsync(OrganisationAccess access, EngagementInput input, CancellationToken ct)
    {
        RiskRegisterService.Require(access).Require(MemberRole.Editor);
        var heldOn = input.HeldOn ?? throw new RuleViolation("heldOn", "Give the day it took place.");
        if (heldOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new RuleViolation("heldOn", "An engagement is recorded once it has taken place.");
        }

        var subject = TextInput.OrNull(input.Subject) ?? throw new RuleViolation("subject", "Say what the engagement was about.");
        var raised = TextInput.OrNull(input.Raised) ?? throw new RuleViolation("raised", "Say what was raised.");
        var partyIds = (input.PartyIds ?? []).Distinct().ToList();
        if (partyIds.Count == 0)
        {
            throw new RuleViolation("partyIds", "Name at least one organisation that took part.");
        }

        var candidates = (await PartyCandidatesAsync(access, ct)).Select(o => o.Id).ToHashSet();
        // One answer for an unknown organisation and one without a confirmed relationship: the refusal tells nothing about either.
        if (partyIds.Any(p => !candidates.Contains(p)))
        {
            throw new RuleViolation("partyIds", "Name only unions verified in your confirmed chain or the operators of its facilities.");
        }

        if (input.ImpactId is { } impactId && !(await register.ListAsync(access, ct)).Any(r => r.Mine && r.Impact.Id == impactId))
        {
            throw RuleViolation.NotFound("impact").For("impactId");
        }

        var record = new EngagementRecord
        {
            OwnerOrganisationId = access.Organisation.Id, HeldOn = heldOn, Kind = input.Kind ?? throw new RuleViolation("kind", "Choose the kind of engagement."),
            Subject = subject, Raised = raised, Done = TextInput.OrNull(input.Done), ImpactId = input.ImpactId, RecordedAt = clock.GetUtcNow(),
        };
        db.Add(record);
        db.AddRange(partyIds.Select(p => new EngagementParty { RecordId = record.Id, OrganisationId = p }));
        audit.Record(access.Organisation.Id, "engagement.recorded", $"{record.Kind} on {record.HeldOn:yyyy-MM-dd}: {record.Subject}, {partyIds.Count} parties");
        await db.SaveChangesAsync(ct);
        return record;
    }

    public async Task CommentAsync(OrganisationAccess access, Guid recordId, EngagementCommentInput input, CancellationToken ct)
    {
        RiskRegisterService.Require(access).Require(MemberRole.Editor);
        var view = await FindAsync(access, recordId, ct);
        var text = CommentText.Require(input.Text, EngagementComment.TextMaxLength);
        db.Add(new EngagementComment { RecordId = view.Record.Id, OrganisationId = access.Organisation.Id, Text = text, At = clock.GetUtcNow() });
        audit.Record(access.Organisation.Id, "engagement.commented", $"comment on engagement {view.Record.Subject}");
        await db.SaveChangesAsync(ct);
    }
}
