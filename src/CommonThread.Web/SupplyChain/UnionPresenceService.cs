using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.SupplyChain;

public sealed record PresenceClaimInput
{
    /// <summary>The facility's id on CommonThread, or its Open Supply Hub ID in <see cref="OsId"/>.</summary>
    public Guid? FacilityId { get; init; }

    [StringLength(15)]
    public string? OsId { get; init; }

    /// <summary>What the union offers as evidence: its registration number, a membership letter, a CBA.</summary>
    [Required, StringLength(UnionPresence.TextMaxLength)]
    public string Claim { get; init; } = "";
}

public sealed record PresenceDecisionInput
{
    /// <summary>True verifies, false refuses.</summary>
    [Required]
    public bool? Verify { get; init; }

    /// <summary>The evidence seen; required to verify.</summary>
    public PresenceEvidence? EvidenceSeen { get; init; }

    [Required, StringLength(UnionPresence.TextMaxLength)]
    public string Note { get; init; } = "";
}

public sealed record PresenceDto(Guid Id, Guid UnionOrganisationId, string Union, Guid FacilityId, string Facility, string CountryCode, PresenceStatus Status, string Claim,
    DateOnly ClaimedOn, string? VerifiedBy, PresenceEvidence? EvidenceSeen, string? VerifierNote, DateOnly? DecidedOn);

/// <summary>
/// A union's presence at a facility: the union claims it, a verifier who is neither the employer nor a
/// buyer of the facility confirms it with the evidence seen and the day. Only a verified presence
/// makes the union see the facility, read its findings and contacts, and be a party to its new cases.
/// </summary>
public sealed class UnionPresenceService(AppDbContext db, AuditLog audit, Notifier notifier, IEnumerable<IPresenceVouchers> vouchers, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PresenceDto> ClaimAsync(OrganisationAccess access, PresenceClaimInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Only a union organisation does this."), OrganisationKind.Union);
        if (string.IsNullOrWhiteSpace(input.Claim))
        {
            throw new RuleViolation("claim", "Say what shows the union is there: a registration number, a membership letter, a collective agreement.");
        }

        var osId = TextInput.OrNull(input.OsId)?.ToUpperInvariant();
        var facility = await db.Set<Facility>().AsNoTracking().FirstOrDefaultAsync(f => input.FacilityId != null ? f.Id == input.FacilityId : osId != null && f.OsId == osId, ct)
            ?? throw new RuleViolation(input.FacilityId is null ? "osId" : "facilityId", "No facility has this id or OS ID.");
        if (await db.Set<UnionPresence>().AnyAsync(p => p.UnionOrganisationId == access.Organisation.Id && p.FacilityId == facility.Id
                && (p.Status == PresenceStatus.Pending || p.Status == PresenceStatus.Verified), ct))
        {
            throw RuleViolation.Conflict("facilityId", "Your union's presence there is already claimed or verified.");
        }

        var presence = new UnionPresence { UnionOrganisationId = access.Organisation.Id, FacilityId = facility.Id, Claim = input.Claim.Trim(), ClaimedOn = Today };
        db.Add(presence);
        audit.Record(access.Organisation.Id, "union-presence.claimed", $"at '{facility.Name}'");
        var verifiers = await VerifiersAsync(facility.Id, presence.UnionOrganisationId, ct);
        await notifier.TellAsync(verifiers, Phrase.Of("'{0}' asks you to verify its presence at '{1}'.", access.Organisation.Name, facility.Name), o => $"/o/{o}/union-presence", ct,
            key: $"presence-claim:{presence.Id}");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(q => q.Where(p => p.Id == presence.Id), ct)).Single();
    }

    /// <summary>A union's own claims; for a verifier, the claims it may decide; nothing for anyone else.</summary>
    public async Task<IReadOnlyList<PresenceDto>> ForAsync(OrganisationAccess access, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        if (access.Organisation.Kind == OrganisationKind.Union)
        {
            return await ListAsync(q => q.Where(p => p.UnionOrganisationId == me), ct);
        }

        if (access.Organisation.Kind is not (OrganisationKind.Initiative or OrganisationKind.PlatformAdmin))
        {
            return [];
        }

        var open = await ListAsync(q => q.Where(p => p.Status == PresenceStatus.Pending || p.VerifiedByOrganisationId == me), ct);
        var mine = new List<PresenceDto>();
        foreach (var p in open)
        {
            if (p.Status != PresenceStatus.Pending || await MayVerifyAsync(me, p.FacilityId, p.UnionOrganisationId, ct))
            {
                mine.Add(p);
            }
        }

        return mine;
    }

    public async Task<PresenceDto> DecideAsync(OrganisationAccess access, Guid presenceId, PresenceDecisionInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var presence = await db.Set<UnionPresence>().FirstOrDefaultAsync(p => p.Id == presenceId, ct) ?? throw RuleViolation.NotFound("presence");
        if (!await MayVerifyAsync(access.Organisation.Id, presence.FacilityId, presence.UnionOrganisationId, ct))
        {
            throw RuleViolation.NotFound("presence");
        }

        if (presence.Status != PresenceStatus.Pending)
        {
            throw RuleViolation.Conflict("presence", "This claim was decided already.");
        }

        if (string.IsNullOrWhiteSpace(input.Note))
        {
            throw new RuleViolation("note", "Note the evidence you saw, or why you refuse.");
        }

        if (input.Verify == true && input.EvidenceSeen is null)
        {
            throw new RuleViolation("evidenceSeen", "Say which evidence you saw: a registration number, a membership letter or a collective agreement.");
        }

        presence.Status = input.Verify == true ? PresenceStatus.Verified : PresenceStatus.Refused;
        presence.EvidenceSeen = input.Verify == true ? input.EvidenceSeen : null;
        presence.VerifierNote = TextInput.OrNull(input.Note);
        presence.VerifiedByOrganisationId = access.Organisation.Id;
        presence.DecidedOn = Today;
        audit.Record(access.Organisation.Id, presence.Status == PresenceStatus.Verified ? "union-presence.verified" : "union-presence.refused", $"claim {presence.Id}");
        var facility = await db.Set<Facility>().AsNoTracking().Where(f => f.Id == presence.FacilityId).Select(f => f.Name).SingleAsync(ct);
        await notifier.TellAsync([presence.UnionOrganisationId],
            presence.Status == PresenceStatus.Verified
                ? Phrase.Of("Your presence at '{0}' was verified by '{1}'.", facility, access.Organisation.Name)
                : Phrase.Of("Your presence at '{0}' was refused by '{1}'.", facility, access.Organisation.Name), o => $"/o/{o}/union-presence", ct);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(q => q.Where(p => p.Id == presence.Id), ct)).Single();
    }

    /// <summary>The union says it is no longer there; its rights at the facility end at once.</summary>
    public async Task<PresenceDto> EndAsync(OrganisationAccess access, Guid presenceId, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var presence = await db.Set<UnionPresence>().FirstOrDefaultAsync(p => p.Id == presenceId && p.UnionOrganisationId == access.Organisation.Id, ct)
            ?? throw RuleViolation.NotFound("presence");
        presence.Status = presence.Status == PresenceStatus.Verified ? PresenceStatus.Ended : PresenceStatus.Refused;
        presence.DecidedOn = Today;
        audit.Record(access.Organisation.Id, "union-presence.ended", $"claim {presence.Id}");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(q => q.Where(p => p.Id == presence.Id), ct)).Single();
    }

    private async Task<bool> MayVerifyAsync(Guid verifierId, Guid facilityId, Guid unionId, CancellationToken ct) =>
        (await VerifiersAsync(facilityId, unionId, ct)).Contains(verifierId);

    /// <summary>
    /// Who may verify a union's presence at a facility: the platform's administrators and the initiatives
    /// another feature ties to the facility and the union — but never the employer, the union itself, or
    /// anyone with a link to the facility, claimed or confirmed. The same set decides and is told of a claim.
    /// </summary>
    private async Task<HashSet<Guid>> VerifiersAsync(Guid facilityId, Guid unionId, CancellationToken ct)
    {
        var operatorId = await db.Set<Facility>().Where(f => f.Id == facilityId).Select(f => f.OperatorOrganisationId).SingleAsync(ct);
        var verifiers = (await db.Set<Organisation>().Where(o => o.Kind == OrganisationKind.PlatformAdmin).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        foreach (var source in vouchers)
        {
            verifiers.UnionWith(await source.ForAsync(facilityId, operatorId, unionId, ct));
        }

        var excluded = await db.Set<SupplyLink>().Where(l => l.FacilityId == facilityId).Select(l => l.BuyerOrganisationId).ToListAsync(ct);
        excluded.Add(unionId);
        if (operatorId is { } employer)
        {
            excluded.Add(employer);
        }

        verifiers.ExceptWith(excluded);
        return verifiers;
    }

    private async Task<List<PresenceDto>> ListAsync(Func<IQueryable<UnionPresence>, IQueryable<UnionPresence>> filter, CancellationToken ct) =>
        await (from p in filter(db.Set<UnionPresence>())
               join u in db.Set<Organisation>() on p.UnionOrganisationId equals u.Id
               join f in db.Set<Facility>() on p.FacilityId equals f.Id
               join v in db.Set<Organisation>() on p.VerifiedByOrganisationId equals v.Id into verifiers
               from v in verifiers.DefaultIfEmpty()
               orderby p.Status, f.Name
               select new PresenceDto(p.Id, u.Id, u.Name, f.Id, f.Name, f.CountryCode, p.Status, p.Claim, p.ClaimedOn, v == null ? null : v.Name, p.EvidenceSeen,
                   p.VerifierNote, p.DecidedOn)).AsNoTracking().Take(5000).ToListAsync(ct);
}
