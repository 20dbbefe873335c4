using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// Runs queued imports one at a time. The queue is the database: an import that was running when the
/// process stopped was rolled back with it, so it goes back to the queue and runs again from the start.
/// </summary>
public sealed class FacilityImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<FacilityImportWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueInterruptedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
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

    private async Task RequeueInterruptedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<FacilityImport>().Where(i => i.Status == ImportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Queued), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not put interrupted imports back in the queue.");
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

        await scope.ServiceProvider.GetRequiredService<FacilityImportRunner>().RunAsync(next.Value, ct);
        return true;
    }
}
