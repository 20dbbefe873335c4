using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

/// <summary>A confirmed link in force to a facility that an organisation on the platform runs.</summary>
public sealed record ConfirmedSupply(Guid BuyerOrganisationId, Guid FacilityId, Guid SupplierOrganisationId);

/// <summary>
/// Who confirmed buying from whom, for the features that need it (supplier feedback, payment terms):
/// they ask here instead of reading supply links, so the rule "only confirmed links count" lives in
/// one feature.
/// </summary>
public sealed class ChainRelations(AppDbContext db)
{
    public async Task<IReadOnlyList<ConfirmedSupply>> SuppliesOfBuyersAsync(IReadOnlyCollection<Guid> buyerIds, CancellationToken ct) =>
        await (from l in db.Set<SupplyLink>()
               join f in db.Set<Facility>() on l.FacilityId equals f.Id
               where buyerIds.Contains(l.BuyerOrganisationId) && l.Status == LinkStatus.Confirmed && l.EndDate == null && f.OperatorOrganisationId != null
               select new ConfirmedSupply(l.BuyerOrganisationId, f.Id, f.OperatorOrganisationId!.Value)).ToListAsync(ct);

    public async Task<IReadOnlyList<ConfirmedSupply>> SuppliesBySupplierAsync(Guid supplierId, CancellationToken ct) =>
        await (from l in db.Set<SupplyLink>()
               join f in db.Set<Facility>() on l.FacilityId equals f.Id
               where f.OperatorOrganisationId == supplierId && l.Status == LinkStatus.Confirmed && l.EndDate == null
               select new ConfirmedSupply(l.BuyerOrganisationId, f.Id, supplierId)).ToListAsync(ct);
}
