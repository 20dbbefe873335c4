using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// Runs a piece of work at once and then every interval, each run in its own DI scope, until the
/// app stops. A failing run is logged and the next one comes at its time: one bad moment (a
/// database restart, a mail server down) never stops the job for good. These jobs claim nothing and
/// each run commits or rolls back whole, so a stop or a crash mid-run leaves nothing to put back.
/// </summary>
public static class Periodic
{
    public static async Task RunAsync(IServiceScopeFactory scopes, TimeSpan interval, Func<IServiceProvider, CancellationToken, Task> work, ILogger log, string failure,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e) && !stoppingToken.IsCancellationRequested)
            {
                // An outage passes and the next run catches up: a warning, without a stack trace.
                log.LogWarning("{Failure} The database is unreachable: {Reason}", failure, DatabaseUnavailable.Reason(e));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Failure}", failure);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
