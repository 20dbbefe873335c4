using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

/// <summary>A link as the party asked to confirm it sees it: who claims, which facility, and where it stands.</summary>
public sealed record LinkClaimDto(Guid Id, Guid BuyerOrganisationId, string Buyer, Guid FacilityId, string Facility, int Tier, string? Process, string? Product,
    DateOnly StartDate, DateOnly? EndDate, LinkStatus Status, bool NamedBySupplier, DateOnly? DecidedOn);

public sealed record LinkDecisionInput
{
    [Required, MinLength(1), MaxLength(LinkConfirmations.MaxBatch)]
    public IReadOnlyList<Guid> LinkIds { get; init; } = [];

    /// <summary>True confirms, false refuses.</summary>
    [Required]
    public bool? Confirm { get; init; }
}

/// <summary>A supplier names a buyer of one of its facilities (its link upward): the buyer confirms.</summary>
public sealed record NameBuyerInput
{
    [Required]
    public Guid? BuyerOrganisationId { get; init; }

    [Required]
    public Guid? FacilityId { get; init; }

    [Range(1, SupplyLink.MaxTier)]
    public int Tier { get; init; } = 1;

    [StringLength(Facility.TextMaxLength)]
    public string? Process { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? Product { get; init; }

    [Required]
    public DateOnly? StartDate { get; init; }
}

/// <summary>
/// The other side of a claimed link: the facility's operator confirms or refuses the links buyers made
/// to it ("who buys from us"), and a buyer those its suppliers made upward. The decision is the party's
/// own, recorded with its day; it can be changed later (a refusal confirmed, a confirmation withdrawn).
/// </summary>
public sealed class LinkConfirmations(AppDbContext db, SupplyChainService chain, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatch = 500;

    /// <summary>Links waiting for, or decided by, this organisation, pending first.</summary>
    public async Task<IReadOnlyList<LinkClaimDto>> ForConfirmerAsync(OrganisationAccess access, CancellationToken ct) => await ClaimsAsync(access.Organisation.Id, null, ct);

    /// <summary>
    /// The links an organisation is the one to answer, with their facility: those a buyer made to a
    /// facility it runs, and those a supplier made naming it as the buyer (<see cref="SupplyLink.ConfirmerOrganisationId"/>).
    /// </summary>
    private IQueryable<Answerable> AnsweredBy(Guid organisationId) =>
        from l in db.Set<SupplyLink>()
        join f in db.Set<Facility>() on l.FacilityId equals f.Id
        where l.NamedBySupplier ? l.BuyerOrganisationId == organisationId : f.OperatorOrganisationId == organisationId
        select new Answerable { Link = l, Facility = f };

    private async Task<List<LinkClaimDto>> ClaimsAsync(Guid organisationId, IReadOnlyCollection<Guid>? ids, CancellationToken ct) =>
        await (from x in AnsweredBy(organisationId)
               join b in db.Set<Organisation>() on x.Link.BuyerOrganisationId equals b.Id
               where ids == null || ids.Contains(x.Link.Id)
               orderby x.Link.Status == LinkStatus.Pending descending, x.Facility.Name, b.Name
               select new LinkClaimDto(x.Link.Id, b.Id, b.Name, x.Facility.Id, x.Facility.Name, x.Link.Tier, x.Link.Process, x.Link.Product, x.Link.StartDate,
                   x.Link.EndDate, x.Link.Status, x.Link.NamedBySupplier, x.Link.DecidedOn))
            .AsNoTracking().Take(5000).ToListAsync(ct);

    /// <summary>Confirms or refuses links, all or none: a link this organisation is not the one to answer is not found.</summary>
    public async Task<IReadOnlyList<LinkClaimDto>> DecideAsync(OrganisationAccess access, LinkDecisionInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var ids = input.LinkIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxBatch)
        {
            throw new RuleViolation("linkIds", Phrase.Of("Choose between 1 and {0} links.", MaxBatch));
        }

        var me = access.Organisation.Id;
        var links = await AnsweredBy(me).Where(x => ids.Contains(x.Link.Id)).Select(x => new { x.Link, Facility = x.Facility.Name }).ToListAsync(ct);
        if (links.Count != ids.Count)
        {
            throw RuleViolation.NotFound("link");
        }

        var status = input.Confirm!.Value ? LinkStatus.Confirmed : LinkStatus.Refused;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var l in links.Where(l => l.Link.Status != status))
        {
            l.Link.Status = status;
            l.Link.DecidedOn = today;
            audit.Record(me, status == LinkStatus.Confirmed ? "link.confirmed" : "link.refused", $"link {l.Link.Id} to '{l.Facility}'");
        }

        await db.SaveChangesAsync(ct);
        return await ClaimsAsync(me, ids, ct);
    }

    /// <summary>The operator of a facility names one of its buyers; the link counts once that buyer confirms.</summary>
    public async Task<SupplyLink> NameBuyerAsync(OrganisationAccess access, NameBuyerInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Only a supplier or intermediary organisation does this."), OrganisationKind.Supplier, OrganisationKind.Intermediary);
        var facility = await db.Set<Facility>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == input.FacilityId && f.OperatorOrganisationId == access.Organisation.Id, ct)
            ?? throw new RuleViolation("facilityId", "Name a buyer for a facility you run.");
        var buyer = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(
                o => o.Id == input.BuyerOrganisationId && o.Id != access.Organisation.Id
                    && (o.Kind == OrganisationKind.Brand || o.Kind == OrganisationKind.Supplier || o.Kind == OrganisationKind.Intermediary), ct)
            ?? throw new RuleViolation("buyerOrganisationId", "The buyer must be a brand, supplier or intermediary on CommonThread.");
        var start = Plausible.Day.Require(input.StartDate!.Value, "startDate");
        if (await db.Set<SupplyLink>().AnyAsync(l => l.BuyerOrganisationId == buyer.Id && l.FacilityId == facility.Id && l.StartDate == start, ct))
        {
            throw RuleViolation.Conflict("buyerOrganisationId", "This link already exists from the same start date.");
        }

        var link = new SupplyLink
        {
            BuyerOrganisationId = buyer.Id, FacilityId = facility.Id, Tier = input.Tier, Process = TextInput.OrNull(input.Process), Product = TextInput.OrNull(input.Product),
            StartDate = start, NamedBySupplier = true, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(link);
        audit.Record(access.Organisation.Id, "link.named-buyer", $"'{buyer.Name}' buys from '{facility.Name}' from {start:yyyy-MM-dd}, awaiting the buyer");
        await chain.TellConfirmerAsync(link, facility, access.Organisation.Name, ct);
        await db.SaveChangesAsync(ct);
        return link;
    }

    // A member-init projection, which EF Core can go on composing (a tuple or a positional record it cannot).
    private sealed class Answerable
    {
        public required SupplyLink Link { get; init; }

        public required Facility Facility { get; init; }
    }
}
