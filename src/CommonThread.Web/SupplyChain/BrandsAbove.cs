using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Every brand whose chain reaches a facility: its buyers, and upwards through the suppliers and
/// intermediaries that give it work, over confirmed links in force.
/// </summary>
public sealed class BrandsAbove(AppDbContext db)
{
    public async Task<HashSet<Guid>> ForFacilityAsync(Guid facilityId, CancellationToken ct)
    {
        var brands = new HashSet<Guid>();
        var seenBuyers = new HashSet<Guid>();
        var facilities = new List<Guid> { facilityId };
        for (var depth = 0; depth < SupplyLink.MaxTier && facilities.Count > 0; depth++)
        {
            var buyers = await (from l in db.Set<SupplyLink>()
                                join o in db.Set<Organisation>() on l.BuyerOrganisationId equals o.Id
                                where facilities.Contains(l.FacilityId) && l.EndDate == null && l.Status == LinkStatus.Confirmed
                                select new { o.Id, o.Kind }).Distinct().ToListAsync(ct);
            var next = buyers.Where(b => seenBuyers.Add(b.Id)).ToList();
            brands.UnionWith(next.Where(b => b.Kind == OrganisationKind.Brand).Select(b => b.Id));
            var upstream = next.Where(b => b.Kind != OrganisationKind.Brand).Select(b => (Guid?)b.Id).ToList();
            facilities = await db.Set<Facility>().Where(f => upstream.Contains(f.OperatorOrganisationId)).Select(f => f.Id).ToListAsync(ct);
        }

        return brands;
    }
}
