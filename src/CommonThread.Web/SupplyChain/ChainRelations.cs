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
        await InForce().Where(s => buyerIds.Contains(s.BuyerOrganisationId)).Select(s => new ConfirmedSupply(s.BuyerOrganisationId, s.FacilityId, s.SupplierOrganisationId)).ToListAsync(ct);

    public async Task<IReadOnlyList<ConfirmedSupply>> SuppliesBySupplierAsync(Guid supplierId, CancellationToken ct) =>
        await InForce().Where(s => s.SupplierOrganisationId == supplierId).Select(s => new ConfirmedSupply(s.BuyerOrganisationId, s.FacilityId, s.SupplierOrganisationId)).ToListAsync(ct);

    /// <summary>Confirmed links in force to facilities someone on the platform runs; the rule in one query, filtered by each caller.</summary>
    private IQueryable<Supply> InForce() =>
        from l in db.Set<SupplyLink>()
        join f in db.Set<Facility>() on l.FacilityId equals f.Id
        where l.Status == LinkStatus.Confirmed && l.EndDate == null && f.OperatorOrganisationId != null
        select new Supply { BuyerOrganisationId = l.BuyerOrganisationId, FacilityId = f.Id, SupplierOrganisationId = f.OperatorOrganisationId!.Value };

    // A member-init projection, which EF Core can go on filtering (the positional ConfirmedSupply it cannot).
    private sealed class Supply
    {
        public Guid BuyerOrganisationId { get; init; }

        public Guid FacilityId { get; init; }

        public Guid SupplierOrganisationId { get; init; }
    }
}
