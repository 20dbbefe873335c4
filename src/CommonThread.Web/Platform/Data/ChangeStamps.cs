using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Platform.Data;

/// <summary>The entity types whose changes move an area's <see cref="ChangeStamp"/>; a feature declares its own.</summary>
public sealed record ChangeStampArea(string Area, IReadOnlySet<Type> EntityTypes);

/// <summary>Reads an area's current version; <see cref="Guid.Empty"/> when the area has no row yet, which nothing should cache under.</summary>
public sealed class ChangeStamps(AppDbContext db)
{
    public async Task<Guid> VersionAsync(string area, CancellationToken ct) =>
        await db.Set<ChangeStamp>().AsNoTracking().Where(s => s.Area == area).Select(s => s.Version).FirstOrDefaultAsync(ct);
}

public static class ChangeStampRegistration
{
    /// <summary>
    /// Moves <paramref name="area"/>'s stamp whenever SaveChanges writes one of <paramref name="entityTypes"/>.
    /// Writes that bypass the change tracker (ExecuteUpdate, ExecuteDelete, <see cref="BulkInsert"/> on
    /// PostgreSQL) do not move it: the feature's tables must not be written that way.
    /// The area's row is seeded by the feature's model (HasData), so a first change never races to create it.
    /// </summary>
    public static void AddChangeStamp(this IServiceCollection services, string area, params Type[] entityTypes) =>
        services.AddSingleton(new ChangeStampArea(area, entityTypes.ToHashSet()));
}
