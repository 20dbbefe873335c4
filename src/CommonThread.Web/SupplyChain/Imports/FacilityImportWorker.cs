using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// Runs queued imports one at a time. The queue is the database, so several app nodes can share it:
/// a node claims an import by moving it from Queued to Running in one conditional update, and only
/// the node whose update took runs it. An import still Running long after it started belongs to a
/// node that stopped; its transaction was rolled back, so it goes back to the queue and runs again.
/// </summary>
public sealed class FacilityImportWorker(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider clock, ILogger<FacilityImportWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>Far longer than the largest import takes (about a minute for 100,000 rows).</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RequeueAbandonedAsync(stoppingToken);
                if (!await RunNextAsync(stoppingToken))
                {
                    await queue.WaitAsync(Poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The runner records failures on the import itself; this is the database being away.
                log.LogError(e, "The import worker could not read the queue; trying again shortly.");
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }

    private async Task RequeueAbandonedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = clock.GetUtcNow() - Abandoned;
        var abandoned = await db.Set<FacilityImport>().Where(i => i.Status == ImportStatus.Running).Select(i => new { i.Id, i.StartedAt }).ToListAsync(ct);
        foreach (var import in abandoned.Where(i => i.StartedAt < before))
        {
            await db.Set<FacilityImport>().Where(i => i.Id == import.Id && i.Status == ImportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Queued), ct);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var next = await db.Set<FacilityImport>().Where(i => i.Status == ImportStatus.Queued)
            .OrderBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return false;
        }

        var claimed = await db.Set<FacilityImport>().Where(i => i.Id == next && i.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Running).SetProperty(i => i.StartedAt, clock.GetUtcNow()), ct);
        if (claimed == 0)
        {
            return true; // another node took it
        }

        await scope.ServiceProvider.GetRequiredService<FacilityImportRunner>().RunAsync(next.Value, ct);
        return true;
    }
}
