using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

public sealed record MechanismInput
{
    [Required, StringLength(200)]
    public string Name { get; init; } = "";

    [Range(1, 30)]
    public int AcknowledgeWithinDays { get; init; } = 7;

    [Range(7, 180)]
    public int FeedbackWithinDays { get; init; } = 90;

    [Range(30, 3650)]
    public int RetainClosedCasesDays { get; init; } = 730;

    public PartyKinds ClosingNeedsAgreementOf { get; init; } = PartyKinds.Supplier | PartyKinds.Union;

    public Guid? MediatorOrganisationId { get; init; }

    [StringLength(GrievanceMechanism.ProcedureMaxLength)]
    public string? ProcedureNotes { get; init; }
}

public sealed record ChannelInput
{
    public Guid? FacilityId { get; init; }

    [StringLength(8)]
    public string Language { get; init; } = "en";
}

public sealed record ChannelDto(Guid Id, string Code, string Link, Guid? FacilityId, string? FacilityName, string Language, bool Active);

public sealed record MechanismDto(Guid Id, string Name, int AcknowledgeWithinDays, int FeedbackWithinDays, int RetainClosedCasesDays,
    PartyKinds ClosingNeedsAgreementOf, Guid? MediatorOrganisationId, string? ProcedureNotes, IReadOnlyList<ChannelDto> Channels);

/// <summary>An organisation's grievance mechanism and the short links (channels) that lead workers to it.</summary>
public sealed class MechanismService(AppDbContext db, SupplyChainService chain, AuditLog audit, TimeProvider clock)
{
    public async Task<MechanismDto?> GetAsync(Guid organisationId, CancellationToken ct)
    {
        var mechanism = await db.Set<GrievanceMechanism>().AsNoTracking().FirstOrDefaultAsync(m => m.OrganisationId == organisationId, ct);
        return mechanism is null ? null : await DtoAsync(mechanism, ct);
    }

    public async Task<MechanismDto> SaveAsync(OrganisationAccess access, MechanismInput input, CancellationToken ct)
    {
        // A mechanism decides who hears workers' reports: its owners set it up, and the platform's administrators run none.
        access.Require(MemberRole.Owner).RequireKind(
            Phrase.Of("Only a brand, supplier, intermediary, union or initiative sets up a grievance mechanism."),
            OrganisationKind.Supplier, OrganisationKind.Intermediary, OrganisationKind.Brand, OrganisationKind.Union, OrganisationKind.Initiative);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw new RuleViolation("name", "Give the mechanism a name workers will recognise.");
        }

        if (input.MediatorOrganisationId is { } mediator
            && !await db.Set<Organisation>().AnyAsync(o => o.Id == mediator && o.Kind == OrganisationKind.Initiative, ct))
        {
            throw new RuleViolation("mediatorOrganisationId", "The mediator must be an initiative on CommonThread.");
        }

        var mechanism = await db.Set<GrievanceMechanism>().FirstOrDefaultAsync(m => m.OrganisationId == access.Organisation.Id, ct);
        if (mechanism is null)
        {
            mechanism = new GrievanceMechanism { OrganisationId = access.Organisation.Id, Name = "", CreatedAt = clock.GetUtcNow() };
            db.Add(mechanism);
        }

        mechanism.Name = input.Name.Trim();
        mechanism.AcknowledgeWithinDays = Plausible.Days.Require(input.AcknowledgeWithinDays, "acknowledgeWithinDays");
        mechanism.FeedbackWithinDays = Plausible.Days.Require(input.FeedbackWithinDays, "feedbackWithinDays");
        mechanism.RetainClosedCasesDays = Plausible.Days.Require(input.RetainClosedCasesDays, "retainClosedCasesDays");
        mechanism.ClosingNeedsAgreementOf = input.ClosingNeedsAgreementOf & (PartyKinds.Supplier | PartyKinds.Union | PartyKinds.Brand);
        mechanism.MediatorOrganisationId = input.MediatorOrganisationId;
        mechanism.ProcedureNotes = Platform.Text.TextInput.OrNull(input.ProcedureNotes);
        audit.Record(access.Organisation.Id, "grievance-mechanism.saved", $"'{mechanism.Name}': acknowledge in {mechanism.AcknowledgeWithinDays} days, feedback in {mechanism.FeedbackWithinDays}");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(mechanism, ct);
    }

    /// <summary>A new short link, for one facility the organisation sees through a confirmed relationship, or for the organisation as a whole.</summary>
    public async Task<ChannelDto> AddChannelAsync(OrganisationAccess access, ChannelInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var mechanism = await db.Set<GrievanceMechanism>().FirstOrDefaultAsync(m => m.OrganisationId == access.Organisation.Id, ct)
            ?? throw RuleViolation.Conflict("mechanism", "Set up the grievance mechanism first.");
        string? facilityName = null;
        if (input.FacilityId is { } facilityId)
        {
            facilityName = (await chain.FindVisibleAsync(access.Organisation.Id, facilityId, ct)).Facility.Name;
        }

        var channel = new GrievanceChannel { MechanismId = mechanism.Id, Code = NewCode(), FacilityId = input.FacilityId, Language = Intake.LanguageOr(input.Language, "en") };
        db.Add(channel);
        audit.Record(access.Organisation.Id, "grievance-channel.created", $"/r/{channel.Code} for {facilityName ?? "the organisation"}");
        await db.SaveChangesAsync(ct);
        return new(channel.Id, channel.Code, $"/r/{channel.Code}", channel.FacilityId, facilityName, channel.Language, channel.Active);
    }

    /// <summary>Eight letters and digits without look-alikes: short enough to type from a poster.</summary>
    private static string NewCode() => Platform.Crypto.Secrets.Readable(8, "23456789abcdefghjkmnpqrstuvwxyz");

    private async Task<MechanismDto> DtoAsync(GrievanceMechanism m, CancellationToken ct)
    {
        var channels = await (from c in db.Set<GrievanceChannel>()
                              join f in db.Set<Facility>() on c.FacilityId equals f.Id into facilities
                              from f in facilities.DefaultIfEmpty()
                              where c.MechanismId == m.Id
                              select new ChannelDto(c.Id, c.Code, "/r/" + c.Code, c.FacilityId, f == null ? null : f.Name, c.Language, c.Active))
            .AsNoTracking().ToListAsync(ct);
        return new(m.Id, m.Name, m.AcknowledgeWithinDays, m.FeedbackWithinDays, m.RetainClosedCasesDays, m.ClosingNeedsAgreementOf, m.MediatorOrganisationId,
            m.ProcedureNotes, channels);
    }
}
