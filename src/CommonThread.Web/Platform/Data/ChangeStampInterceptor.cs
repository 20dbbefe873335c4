using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonThread.Web.Platform.Data;

/// <summary>
/// Before each save, gives a new version to every area whose tables the save writes, as part of the same
/// save (and so of its transaction): a reader never sees the change without the new version.
/// </summary>
public sealed class ChangeStampInterceptor(IEnumerable<ChangeStampArea> areas) : SaveChangesInterceptor
{
    private readonly IReadOnlyList<ChangeStampArea> areas = areas.ToList();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null || areas.Count == 0)
        {
            return;
        }

        // Entries() runs DetectChanges, so a property set on a tracked entity counts as a write.
        var written = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType).ToHashSet();
        foreach (var area in areas.Where(a => a.EntityTypes.Overlaps(written)))
        {
            var tracked = context.ChangeTracker.Entries<ChangeStamp>().FirstOrDefault(e => e.Entity.Area == area.Area);
            if (tracked is not null)
            {
                tracked.Entity.Version = Guid.NewGuid();
                tracked.State = EntityState.Modified;
            }
            else
            {
                // An update by key, with no read first: the row exists from the migration that seeded it.
                context.Entry(new ChangeStamp { Area = area.Area, Version = Guid.NewGuid() }).State = EntityState.Modified;
            }
        }
    }
}
