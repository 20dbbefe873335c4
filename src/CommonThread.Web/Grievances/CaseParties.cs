using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Who takes part in a case about a facility, as equal parties: the organisation whose mechanism
/// received it, the facility's operator, the unions recorded as present there, and every brand whose
/// chain reaches the facility (followed upwards through the suppliers that give it work).
/// </summary>
public sealed class CaseParties(AppDbContext db)
{
    public async Task<List<(Guid OrganisationId, PartyRole Role)>> ResolveAsync(GrievanceMechanism mechanism, Guid? facilityId, CancellationToken ct)
    {
        var parties = new Dictionary<Guid, PartyRole>();
        if (facilityId is { } id)
        {
            var facility = await db.Set<Facility>().AsNoTracking().FirstAsync(f => f.Id == id, ct);
            if (facility.OperatorOrganisationId is { } operatorId)
            {
                parties[operatorId] = PartyRole.Supplier;
            }

            var unionFacts = await db.Set<FoaFact>().AsNoTracking().Where(f => f.FacilityId == id && f.Kind == FoaFactKind.Union).ToListAsync(ct);
            foreach (var union in FoaProfileService.Current(FoaProfileService.NewestFirst(unionFacts)).Where(f => f.Present && f.UnionOrganisationId is not null))
            {
                parties.TryAdd(union.UnionOrganisationId!.Value, PartyRole.Union);
            }

            foreach (var brand in await BrandsAboveAsync(id, ct))
            {
                parties.TryAdd(brand, PartyRole.Brand);
            }
        }

        parties.TryAdd(mechanism.OrganisationId, PartyRole.Mechanism);
        return parties.Select(p => (p.Key, p.Value)).ToList();
    }

    private async Task<HashSet<Guid>> BrandsAboveAsync(Guid facilityId, CancellationToken ct)
    {
        var brands = new HashSet<Guid>();
        var seenBuyers = new HashSet<Guid>();
        var facilities = new List<Guid> { facilityId };
        for (var depth = 0; depth < SupplyLink.MaxTier && facilities.Count > 0; depth++)
        {
            var buyers = await (from l in db.Set<SupplyLink>()
                                join o in db.Set<Organisation>() on l.BuyerOrganisationId equals o.Id
                                where facilities.Contains(l.FacilityId) && l.EndDate == null
                                select new { o.Id, o.Kind }).Distinct().ToListAsync(ct);
            var next = buyers.Where(b => seenBuyers.Add(b.Id)).ToList();
            brands.UnionWith(next.Where(b => b.Kind == OrganisationKind.Brand).Select(b => b.Id));
            var upstream = next.Where(b => b.Kind != OrganisationKind.Brand).Select(b => (Guid?)b.Id).ToList();
            facilities = await db.Set<Facility>().Where(f => upstream.Contains(f.OperatorOrganisationId)).Select(f => f.Id).ToListAsync(ct);
        }

        return brands;
    }
}
