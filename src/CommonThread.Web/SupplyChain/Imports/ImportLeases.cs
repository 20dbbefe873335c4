using CommonThread.Data;
using CommonThread.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// Who runs which import. The database is the queue: a process claims an import with one conditional
/// update, holds it with a lease it renews while it runs, and gives it back when it stops. An import
/// whose lease ran out, or whose process on this machine is gone, is taken again at once — its
/// transaction was rolled back, so running it again is safe. Runs that keep being interrupted end it
/// as failed, with a reason the user reads, rather than looping for ever.
/// </summary>
public sealed class ImportLeases(AppDbContext db, JobNode node, TimeProvider clock)
{
    /// <summary>How long a claim holds without renewal: a process killed mid-run frees its import within this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>How often a running import's lease is renewed: several times per lease, so one slow renewal does not lose it.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(15);

    /// <summary>Runs that may begin before an interrupted import is given up.</summary>
    public const int MaxAttempts = 3;

    public string Node => node.Id;

    /// <summary>Claims the oldest queued import for this process; null when none is queued (or another process took it first).</summary>
    public async Task<Guid?> ClaimNextAsync(CancellationToken ct)
    {
        var next = await db.Set<FacilityImport>().Where(i => i.Status == ImportStatus.Queued)
            .OrderBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var claimed = await db.Set<FacilityImport>().Where(i => i.Id == next && i.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Running).SetProperty(i => i.StartedAt, now)
                .SetProperty(i => i.RunningOn, node.Id).SetProperty(i => i.LeaseUntil, now + Lease).SetProperty(i => i.Attempts, i => i.Attempts + 1), ct);
        return claimed == 1 ? next : null;
    }

    /// <summary>Extends this process's hold; false when it no longer holds the import.</summary>
    public async Task<bool> RenewAsync(Guid importId, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + Lease;
        return await Owned(importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, until), ct) == 1;
    }

    /// <summary>
    /// Gives back an import this process was running and whose transaction was rolled back. A shutdown
    /// is no fault of the import and does not count as an attempt; an outage does.
    /// </summary>
    public async Task ReleaseAsync(Guid importId, bool shuttingDown, CancellationToken ct)
    {
        if (shuttingDown)
        {
            await Owned(importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Queued)
                .SetProperty(i => i.RunningOn, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(i => i.Attempts, i => i.Attempts > 0 ? i.Attempts - 1 : 0), ct);
            return;
        }

        var attempts = await db.Set<FacilityImport>().Where(i => i.Id == importId && i.RunningOn == node.Id && i.Status == ImportStatus.Running)
            .Select(i => (int?)i.Attempts).FirstOrDefaultAsync(ct);
        if (attempts is { } n)
        {
            await RequeueOrFailAsync(importId, node.Id, n, ct);
        }
    }

    /// <summary>Records that the run failed for a reason of its own (the file, the data); nothing of it was written.</summary>
    public async Task FailAsync(Guid importId, string failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        failure = failure.Length > 1000 ? failure[..1000] : failure;
        await Owned(importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Failed).SetProperty(i => i.FinishedAt, now)
            .SetProperty(i => i.Failure, failure).SetProperty(i => i.RunningOn, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>
    /// Takes back every running import whose process is gone or whose lease ran out, this process's own
    /// included (the worker calls this between runs, when it runs nothing); returns how many.
    /// </summary>
    public async Task<int> RecoverAbandonedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Compared here, not in SQL: SQLite cannot compare DateTimeOffset values. Running imports are few.
        var running = await db.Set<FacilityImport>().AsNoTracking().Where(i => i.Status == ImportStatus.Running)
            .Select(i => new { i.Id, i.RunningOn, i.LeaseUntil, i.Attempts }).ToListAsync(ct);
        var recovered = 0;
        foreach (var import in running.Where(i => (i.LeaseUntil is null || i.LeaseUntil < now || node.IsGone(i.RunningOn))))
        {
            recovered += await RequeueOrFailAsync(import.Id, import.RunningOn, import.Attempts, ct);
        }

        return recovered;
    }

    /// <summary>True when a person may start it again: it was abandoned (its lease ran out) rather than running somewhere.</summary>
    public bool IsAbandoned(FacilityImport import) =>
        import.Status == ImportStatus.Running && (import.LeaseUntil is null || import.LeaseUntil < clock.GetUtcNow() || node.IsGone(import.RunningOn));

    private async Task<int> RequeueOrFailAsync(Guid importId, string? owner, int attempts, CancellationToken ct)
    {
        // Only if nothing changed since it was read: another process may have taken it back meanwhile.
        var same = db.Set<FacilityImport>().Where(i => i.Id == importId && i.Status == ImportStatus.Running && i.RunningOn == owner && i.Attempts == attempts);
        if (attempts < MaxAttempts)
        {
            return await same.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Queued)
                .SetProperty(i => i.RunningOn, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), ct);
        }

        var now = clock.GetUtcNow();
        var failure = $"The import was interrupted {attempts} times while it ran (the server stopped or lost its database), so it was given up. "
            + "Nothing of it was written. Start it again; if it keeps stopping, split the file into smaller ones.";
        return await same.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Failed).SetProperty(i => i.FinishedAt, now).SetProperty(i => i.Failure, failure)
            .SetProperty(i => i.RunningOn, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    private IQueryable<FacilityImport> Owned(Guid importId) =>
        db.Set<FacilityImport>().Where(i => i.Id == importId && i.RunningOn == node.Id && i.Status == ImportStatus.Running);
}
