using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// A facility the organisation may see: one it runs, one in its confirmed chain at the given tier, or
/// one where it is a verified union. <c>Claim</c> is set only for a facility known through the
/// organisation's own unconfirmed claim (<c>Tier</c> is then the tier it declared): registry data and
/// its own records, and no right at all.
/// </summary>
public sealed record VisibleFacility(Facility Facility, bool Operated, int? Tier, LinkStatus? Claim = null)
{
    public bool Confirmed => Claim is null;
}

public sealed class SupplyChainService(AppDbContext db, UnionPresences unions, AuditLog audit, Notifier notifier, TimeProvider clock,
    ChainSnapshots snapshots, ChangeStamps stamps)
{
    /// <summary>
    /// Every facility the organisation runs, every facility where it is a verified union, and every
    /// facility in its confirmed chain: those it buys from (tier 1), those their operators buy from
    /// (tier 2), and so on down to homework, over confirmed links only. Another brand's links are
    /// never followed from the brand's side, so a brand sees its own chain only. Every right that
    /// comes from a facility (findings, cases, questionnaires, audits, homework figures) starts here.
    /// </summary>
    public Task<IReadOnlyList<VisibleFacility>> VisibleAsync(Guid organisationId, CancellationToken ct) =>
        snapshots.GetAsync("visible", organisationId, stamps, () => ReachAsync(organisationId, ct), ct);

    private async Task<IReadOnlyList<VisibleFacility>> ReachAsync(Guid organisationId, CancellationToken ct)
    {
        // A facility's tier is the tier its buyer declared, counted from the organisation: a supplier's
        // tier-1 link seen from a brand that buys from that supplier's tier-1 facility is tier 2.
        var tiers = new Dictionary<Guid, int>();
        // Each step's query brings the facilities it reaches whole, so a chain of tens of thousands is
        // never fetched a second time by a list of its ids.
        var reachedFacilities = new Dictionary<Guid, Facility>();
        var buyerBase = new Dictionary<Guid, int> { [organisationId] = 0 };
        var buyers = new List<Guid> { organisationId };
        for (var depth = 1; depth <= SupplyLink.MaxTier && buyers.Count > 0; depth++)
        {
            // "= ANY(buyers)" rather than a join on them as the chain picture has (ChainService): joined with the
            // facilities as well, EF Core 10 fails to translate it; the array costs a portfolio's second tier some
            // tens of milliseconds, once per version of the chain.
            var reached = await (
                    from l in db.Set<SupplyLink>()
                    join f in db.Set<Facility>() on l.FacilityId equals f.Id
                    where buyers.Contains(l.BuyerOrganisationId) && l.Status == LinkStatus.Confirmed
                    select new { Facility = f, l.BuyerOrganisationId, l.Tier })
                .AsNoTracking().ToListAsync(ct);
            buyers = [];
            foreach (var r in reached.OrderBy(r => buyerBase[r.BuyerOrganisationId] + r.Tier))
            {
                var id = r.Facility.Id;
                reachedFacilities.TryAdd(id, r.Facility);
                var tier = buyerBase[r.BuyerOrganisationId] + r.Tier;
                if (!tiers.TryGetValue(id, out var known) || tier < known)
                {
                    tiers[id] = tier;
                }

                if (r.Facility.OperatorOrganisationId is { } operatorId && buyerBase.TryAdd(operatorId, tiers[id]))
                {
                    buyers.Add(operatorId);
                }
            }
        }

        // A union sees the facilities where its presence was verified; facts others recorded never decide it.
        var unionPresence = unions.FacilitiesWhereVerified(organisationId);
        var own = await db.Set<Facility>().AsNoTracking()
            .Where(f => f.OperatorOrganisationId == organisationId || unionPresence.Contains(f.Id))
            .ToListAsync(ct);
        foreach (var f in own)
        {
            reachedFacilities.TryAdd(f.Id, f);
        }

        return reachedFacilities.Values
            .OrderBy(f => f.CountryCode, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new VisibleFacility(f, f.OperatorOrganisationId == organisationId, tiers.TryGetValue(f.Id, out var t) ? t : null)).ToList();
    }

    public async Task<VisibleFacility> FindVisibleAsync(Guid organisationId, Guid facilityId, CancellationToken ct) =>
        (await VisibleAsync(organisationId, ct)).FirstOrDefault(v => v.Facility.Id == facilityId) ?? throw RuleViolation.NotFound("facility");

    /// <summary>
    /// What the organisation's lists show: its confirmed facilities, then those it knows only through
    /// its own claims still awaiting an answer (or refused), marked so: of those it reads the registry
    /// data and its own records, never what others recorded there.
    /// </summary>
    public Task<IReadOnlyList<VisibleFacility>> ListedAsync(Guid organisationId, CancellationToken ct) =>
        snapshots.GetAsync("listed", organisationId, stamps, () => ListAsync(organisationId, ct), ct);

    private async Task<IReadOnlyList<VisibleFacility>> ListAsync(Guid organisationId, CancellationToken ct)
    {
        var visible = await VisibleAsync(organisationId, ct);
        var seen = visible.Select(v => v.Facility.Id).ToHashSet();
        var claimedLinks = await (from l in db.Set<SupplyLink>()
                                  join f in db.Set<Facility>() on l.FacilityId equals f.Id
                                  where l.BuyerOrganisationId == organisationId && l.Status != LinkStatus.Confirmed
                                  select new { Facility = f, l.Status, l.Tier }).AsNoTracking().ToListAsync(ct);
        // A facility claimed twice (an old refused link and a new pending one) shows the most hopeful status once.
        claimedLinks = claimedLinks.OrderBy(c => c.Status).ThenBy(c => c.Tier).ToList();
        var claimedPresence = await (from p in db.Set<UnionPresence>()
                                     join f in db.Set<Facility>() on p.FacilityId equals f.Id
                                     where p.UnionOrganisationId == organisationId && (p.Status == PresenceStatus.Pending || p.Status == PresenceStatus.Refused)
                                     select new { Facility = f, p.Status }).AsNoTracking().ToListAsync(ct);
        var claims = claimedLinks.Select(c => new VisibleFacility(c.Facility, false, c.Tier, c.Status))
            .Concat(claimedPresence.Select(c => new VisibleFacility(c.Facility, false, null, c.Status == PresenceStatus.Pending ? LinkStatus.Pending : LinkStatus.Refused)))
            .Where(c => seen.Add(c.Facility.Id))
            .OrderBy(c => c.Facility.CountryCode).ThenBy(c => c.Facility.Name);
        return [.. visible, .. claims];
    }

    public async Task<VisibleFacility> FindListedAsync(Guid organisationId, Guid facilityId, CancellationToken ct) =>
        (await ListedAsync(organisationId, ct)).FirstOrDefault(v => v.Facility.Id == facilityId) ?? throw RuleViolation.NotFound("facility");

    /// <summary>Suppliers and intermediaries record the facilities they run.</summary>
    public async Task<Facility> CreateFacilityAsync(OrganisationAccess access, FacilityInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        if (access.Organisation.Kind is not (OrganisationKind.Supplier or OrganisationKind.Intermediary))
        {
            throw new RuleViolation("organisation", "Only suppliers and intermediaries record the facilities they run.", StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow();
        var facility = new Facility { OperatorOrganisationId = access.Organisation.Id, Name = "", Address = "", CountryCode = "", CreatedAt = now };
        await ApplyAsync(facility, input, ct);
        db.Add(facility);
        audit.Record(access.Organisation.Id, "facility.created", $"'{facility.Name}' ({facility.CountryCode})");
        await db.SaveChangesAsync(ct);
        return facility;
    }

    public async Task<Facility> UpdateFacilityAsync(OrganisationAccess access, Guid facilityId, FacilityInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var visible = await FindListedAsync(access.Organisation.Id, facilityId, ct);
        if (!visible.Operated)
        {
            throw new RuleViolation("facility", "Only the organisation that runs a facility edits its record.", StatusCodes.Status403Forbidden);
        }

        var facility = await db.Set<Facility>().FirstAsync(f => f.Id == facilityId, ct);
        await ApplyAsync(facility, input, ct);
        audit.Record(access.Organisation.Id, "facility.updated", $"'{facility.Name}' ({facility.CountryCode})");
        await db.SaveChangesAsync(ct);
        return facility;
    }

    public async Task<IReadOnlyList<SupplyLink>> LinksAsync(Guid buyerOrganisationId, CancellationToken ct) =>
        await db.Set<SupplyLink>().AsNoTracking().Where(l => l.BuyerOrganisationId == buyerOrganisationId)
            .OrderBy(l => l.Tier).ThenBy(l => l.StartDate).ToListAsync(ct);

    /// <summary>
    /// The buyer's claim that it buys from a facility. It awaits the facility's operator; where no one on
    /// the platform runs the facility it stays unconfirmed, and gives the buyer nothing but registry data.
    /// </summary>
    public async Task<SupplyLink> LinkAsync(OrganisationAccess access, SupplyLinkInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var facility = await db.Set<Facility>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == input.FacilityId, ct)
            ?? throw new RuleViolation("facilityId", "No facility has this id.");
        var start = Plausible.Day.Require(input.StartDate!.Value, "startDate");
        if (input.ViaFacilityId is { } via)
        {
            if (via == facility.Id || !(await VisibleAsync(access.Organisation.Id, ct)).Any(v => v.Facility.Id == via))
            {
                throw new RuleViolation("viaFacilityId", "The facility that passes work on must be another facility in your chain.");
            }
        }

        if (await db.Set<SupplyLink>().AnyAsync(l => l.BuyerOrganisationId == access.Organisation.Id && l.FacilityId == facility.Id && l.StartDate == start, ct))
        {
            throw RuleViolation.Conflict("facilityId", "This link already exists from the same start date.");
        }

        var link = new SupplyLink
        {
            BuyerOrganisationId = access.Organisation.Id, FacilityId = facility.Id, Tier = input.Tier, ViaFacilityId = input.ViaFacilityId, Process = TextInput.OrNull(input.Process),
            Product = TextInput.OrNull(input.Product), StartDate = start, ShareOfOutputPercent = Plausible.Percent.Require(input.ShareOfOutputPercent, "shareOfOutputPercent"), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(link);
        audit.Record(access.Organisation.Id, "link.created", $"tier {link.Tier} → '{facility.Name}' from {start:yyyy-MM-dd}, awaiting confirmation");
        await TellConfirmerAsync(link, facility, access.Organisation.Name, ct);
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>The party whose answer the link waits for hears of it, in its notifications.</summary>
    internal async Task TellConfirmerAsync(SupplyLink link, Facility facility, string claimantName, CancellationToken ct)
    {
        if (link.ConfirmerOrganisationId(facility.OperatorOrganisationId) is { } confirmer)
        {
            var text = link.NamedBySupplier
                ? Phrase.Of("'{0}' says you buy from its facility '{1}'. Confirm or refuse.", claimantName, facility.Name)
                : Phrase.Of("'{0}' says it buys from '{1}'. Confirm or refuse.", claimantName, facility.Name);
            await notifier.TellAsync([confirmer], text, o => $"/o/{o}/buyers", ct, key: $"link-claim:{link.Id}");
        }
    }

    /// <summary>Ends a relationship; the link stays as history.</summary>
    public async Task<SupplyLink> EndLinkAsync(OrganisationAccess access, Guid linkId, DateOnly endDate, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var link = await db.Set<SupplyLink>().FirstOrDefaultAsync(l => l.Id == linkId && l.BuyerOrganisationId == access.Organisation.Id, ct)
            ?? throw RuleViolation.NotFound("link");
        if (endDate < link.StartDate)
        {
            throw new RuleViolation("endDate", "A link cannot end before it started.");
        }

        Plausible.Day.Require(endDate, "endDate");

        link.EndDate = endDate;
        audit.Record(access.Organisation.Id, "link.ended", $"link {link.Id} ended {endDate:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return link;
    }

    private async Task ApplyAsync(Facility facility, FacilityInput input, CancellationToken ct)
    {
        var country = Countries.Valid(input.CountryCode) ?? throw new RuleViolation("countryCode", "A country is required.");

        if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.Address))
        {
            throw new RuleViolation(string.IsNullOrWhiteSpace(input.Name) ? "name" : "address", "Name and address are required.");
        }

        var osId = TextInput.OrNull(input.OsId)?.ToUpperInvariant();
        if (osId is not null && !Facility.IsOsId(osId, country))
        {
            throw new RuleViolation("osId", "An Open Supply Hub ID is the country code, 7 digits and 6 letters or digits, such as BD2019312ABCDEF, and starts with the facility's country.");
        }

        if (osId is not null && await db.Set<Facility>().AnyAsync(f => f.OsId == osId && f.Id != facility.Id, ct))
        {
            throw RuleViolation.Conflict("osId", Phrase.Of("Another facility already has the OS ID {0}.", osId));
        }

        if ((input.Latitude is null) != (input.Longitude is null))
        {
            throw new RuleViolation("latitude", "Give both latitude and longitude, or neither.");
        }

        if (input is { WorkersTotal: { } total, WorkersWomen: { } women, WorkersMen: { } men } && women + men > total)
        {
            throw new RuleViolation("workersTotal", "Women and men together cannot be more than the total.");
        }

        facility.Name = input.Name.Trim();
        facility.Address = input.Address.Trim();
        facility.CountryCode = country;
        facility.Latitude = input.Latitude;
        facility.Longitude = input.Longitude;
        facility.OsId = osId;
        facility.Sector = TextInput.OrNull(input.Sector);
        facility.ProductTypes = TextInput.OrNull(input.ProductTypes);
        facility.ProcessingTypes = TextInput.OrNull(input.ProcessingTypes);
        facility.WorkersWomen = Plausible.Headcount.Require(input.WorkersWomen, "workersWomen");
        facility.WorkersMen = Plausible.Headcount.Require(input.WorkersMen, "workersMen");
        facility.WorkersTotal = Plausible.Headcount.Require(input.WorkersTotal, "workersTotal");
        facility.ParentCompany = TextInput.OrNull(input.ParentCompany);
        facility.UpdatedAt = clock.GetUtcNow();
    }

}
