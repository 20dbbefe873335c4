namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// Runs a piece of work at once and then every interval, each run in its own DI scope, until the
/// app stops. A failing run is logged and the next one comes at its time: one bad moment (a
/// database restart, a mail server down) never stops the job for good.
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
