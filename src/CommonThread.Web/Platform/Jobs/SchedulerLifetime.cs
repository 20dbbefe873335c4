using Quartz;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// Starts the scheduler once the application has started, and stops it without waiting for ever: Quartz
/// retries its store while the database is unreachable, and a node asked to stop during an outage must
/// still stop. Runs it leaves unfinished are recovered by another node, or by this one when it is back.
/// </summary>
internal sealed class SchedulerLifetime(ISchedulerFactory factory, IHostApplicationLifetime lifetime, ILogger<SchedulerLifetime> log) : IHostedService
{
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(10);

    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler = await factory.GetScheduler(cancellationToken);
        lifetime.ApplicationStarted.Register(() => _ = StartSchedulerAsync(scheduler));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is null)
        {
            return;
        }

        var shutdown = scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None).AsTask();
        if (await Task.WhenAny(shutdown, Task.Delay(StopWithin, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default)) != shutdown)
        {
            log.LogWarning("The job scheduler did not stop within {Seconds} s (is the database reachable?); its unfinished runs will be recovered.", StopWithin.TotalSeconds);
        }
    }

    private async Task StartSchedulerAsync(IScheduler started)
    {
        try
        {
            await started.Start(lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The job scheduler could not start; periodic jobs do not run on this node.");
        }
    }
}
