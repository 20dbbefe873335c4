using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>
/// An initiative that operates or mediates a grievance mechanism with a channel for the facility may
/// verify a union's presence there (the employer's own mechanism never makes the employer a verifier:
/// the presence service excludes the operator and buyers whatever this says).
/// </summary>
public sealed class MechanismVouchers(AppDbContext db) : IPresenceVouchers
{
    public async Task<IReadOnlyCollection<Guid>> ForAsync(Guid facilityId, Guid? facilityOperatorId, Guid unionOrganisationId, CancellationToken ct)
    {
        var mechanisms = await (from c in db.Set<GrievanceChannel>()
                                join m in db.Set<GrievanceMechanism>() on c.MechanismId equals m.Id
                                where c.FacilityId == facilityId && c.Active
                                select new { m.OrganisationId, m.MediatorOrganisationId }).Distinct().ToListAsync(ct);
        var ids = mechanisms.SelectMany(m => new[] { m.OrganisationId, m.MediatorOrganisationId }).OfType<Guid>().Distinct().ToList();
        return await db.Set<Organisation>().Where(o => ids.Contains(o.Id) && o.Kind == OrganisationKind.Initiative).Select(o => o.Id).ToListAsync(ct);
    }
}
