using CommonThread.Data;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Who takes part in a case about a facility, as equal parties, decided at the moment of filing: the
/// organisation whose mechanism received it, the facility's operator, the unions whose presence there
/// was verified, and every brand whose confirmed chain reaches the facility (followed upwards through
/// the suppliers that give it work). A claim one party made alone never makes it a party.
/// </summary>
public sealed class CaseParties(AppDbContext db, BrandsAbove brandsAbove, UnionPresences unions)
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

            foreach (var union in await unions.VerifiedAtAsync(id, ct))
            {
                parties.TryAdd(union, PartyRole.Union);
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
