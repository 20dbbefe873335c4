using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

/// <summary>Verified union presence, for the features that give unions a place (grievance cases).</summary>
public sealed class UnionPresences(AppDbContext db)
{
    public async Task<IReadOnlyList<Guid>> VerifiedAtAsync(Guid facilityId, CancellationToken ct) =>
        await db.Set<UnionPresence>().Where(p => p.FacilityId == facilityId && p.Status == PresenceStatus.Verified).Select(p => p.UnionOrganisationId).ToListAsync(ct);

    /// <summary>The unions verified at any of the facilities.</summary>
    public async Task<IReadOnlyList<Guid>> VerifiedAtAnyAsync(IReadOnlyCollection<Guid> facilityIds, CancellationToken ct) =>
        await db.Set<UnionPresence>().Where(p => facilityIds.Contains(p.FacilityId) && p.Status == PresenceStatus.Verified).Select(p => p.UnionOrganisationId).Distinct().ToListAsync(ct);

    /// <summary>Which of the facilities have a union whose presence is verified.</summary>
    public async Task<IReadOnlyList<Guid>> FacilitiesWithVerifiedUnionAsync(IReadOnlyCollection<Guid> facilityIds, CancellationToken ct) =>
        await db.Set<UnionPresence>().Where(p => facilityIds.Contains(p.FacilityId) && p.Status == PresenceStatus.Verified).Select(p => p.FacilityId).Distinct().ToListAsync(ct);

    public async Task<bool> IsVerifiedAsync(Guid unionId, Guid facilityId, CancellationToken ct) =>
        await FacilitiesWhereVerified(unionId).ContainsAsync(facilityId, ct);

    /// <summary>The facilities where the union's presence is verified, as a query other queries compose with.</summary>
    public IQueryable<Guid> FacilitiesWhereVerified(Guid unionId) =>
        db.Set<UnionPresence>().Where(p => p.UnionOrganisationId == unionId && p.Status == PresenceStatus.Verified).Select(p => p.FacilityId);
}
