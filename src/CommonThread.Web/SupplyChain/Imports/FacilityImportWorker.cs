using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// Runs queued imports one at a time. The queue is the database, so several app nodes can share it
/// (see <see cref="ImportLeases"/>): an import is claimed with a lease renewed while it runs; when this
/// process stops, it gives its import back at once; when it dies, the lease runs out within a minute
/// (or at once, when the process starts again on the same machine) and any node takes the import again.
/// </summary>
public sealed class FacilityImportWorker(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider clock, Platform.Observability.Telemetry telemetry, ILogger<FacilityImportWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>How long giving an import back may take while the app stops; past it the lease frees the import.</summary>
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                log.LogWarning("The import worker cannot reach the database; trying again shortly. {Reason}", DatabaseUnavailable.Reason(e));
                await Task.Delay(Poll, clock, stoppingToken);
            }
            catch (Exception e)
            {
                log.LogError(e, "The import worker could not read the queue; trying again shortly.");
                await Task.Delay(Poll, clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Takes back abandoned imports, then runs the next queued one, or else works out the next upload's
    /// preview (a started import goes first: someone is waiting for it); false when there was neither.
    /// </summary>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        Guid? next;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<ImportLeases>();
            await leases.RecoverAbandonedAsync(stoppingToken);
            next = await leases.ClaimNextAsync(stoppingToken);
        }

        if (next is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ImportPlanner>().PlanNextAsync(stoppingToken);
        }

        await RunClaimedAsync(next.Value, stoppingToken);
        return true;
    }

    /// <summary>Runs an import this process claimed, renewing its lease meanwhile, and gives it back if the run is cut short.</summary>
    public async Task RunClaimedAsync(Guid importId, CancellationToken stoppingToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewWhileRunningAsync(importId, renewal.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FacilityImportRunner>().RunAsync(importId, stoppingToken);
            telemetry.Imports.Add(1, new KeyValuePair<string, object?>("outcome", "done"));
        }
        catch (Exception e) when (stoppingToken.IsCancellationRequested || DatabaseUnavailable.Is(e))
        {
            // The write transaction was rolled back: nothing of the import is in the database.
            await ReleaseAsync(importId, shuttingDown: stoppingToken.IsCancellationRequested);
            telemetry.Imports.Add(1, new KeyValuePair<string, object?>("outcome", "released"));
            throw;
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task ReleaseAsync(Guid importId, bool shuttingDown)
    {
        // Not the stopping token: it is cancelled already. A short timeout of its own instead, since the
        // host waits for this; if the database is away the lease runs out and frees the import anyway.
        using var timeout = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportLeases>().ReleaseAsync(importId, shuttingDown, timeout.Token);
            log.LogInformation("Import {ImportId} was interrupted ({Why}) and given back to the queue.", importId, shuttingDown ? "the app is stopping" : "the database is away");
        }
        catch (Exception e)
        {
            log.LogWarning("Import {ImportId} could not be given back ({Reason}); its lease frees it within {Lease}.", importId, e.Message, ImportLeases.Lease);
        }
    }

    private async Task RenewWhileRunningAsync(Guid importId, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ImportLeases.Renewal, clock, ct);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ImportLeases>().RenewAsync(importId, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next renewal may succeed; the final write checks the lease is still held.
                    log.LogWarning("The lease of import {ImportId} could not be renewed: {Reason}", importId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }
}
