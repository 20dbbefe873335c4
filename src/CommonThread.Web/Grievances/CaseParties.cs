using CommonThread.Data;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Who takes part in a case about a facility, as equal parties: the organisation whose mechanism
/// received it, the facility's operator, the unions recorded as present there, and every brand whose
/// chain reaches the facility (followed upwards through the suppliers that give it work).
/// </summary>
public sealed class CaseParties(AppDbContext db, BrandsAbove brandsAbove)
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

            foreach (var brand in await brandsAbove.ForFacilityAsync(id, ct))
            {
                parties.TryAdd(brand, PartyRole.Brand);
            }
        }

        parties.TryAdd(mechanism.OrganisationId, PartyRole.Mechanism);
        return parties.Select(p => (p.Key, p.Value)).ToList();
    }
}
