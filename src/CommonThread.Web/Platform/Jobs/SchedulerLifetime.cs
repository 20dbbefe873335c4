using Quartz;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// The node's one scheduler: made when the host starts, started once the application has, and stopped without
/// waiting for ever (Quartz retries its store while the database is unreachable, and a node asked to stop during
/// an outage must still stop). Runs it leaves unfinished are recovered by another node, or by this one when it is
/// back. Readers (readiness, job status) ask this instance, never the factory: after a shutdown the factory would
/// make a new scheduler.
/// </summary>
public sealed class SchedulerLifetime(ISchedulerFactory factory, IHostApplicationLifetime lifetime, ILogger<SchedulerLifetime> log) : IHostedService
{
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(10);

    private Task starting = Task.CompletedTask;

    /// <summary>Null until the host has started it.</summary>
    public IScheduler? Scheduler { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        Scheduler = scheduler;
        lifetime.ApplicationStarted.Register(() => starting = StartSchedulerAsync(scheduler));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Scheduler is null)
        {
            return;
        }

        // A start still under way finishes first, so the shutdown finds a whole scheduler to stop.
        var stopped = StopSchedulerAsync(Scheduler);
        if (await Task.WhenAny(stopped, Task.Delay(StopWithin, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default)) != stopped)
        {
            log.LogWarning("The job scheduler did not stop within {Seconds} s (is the database reachable?); its unfinished runs will be recovered.", StopWithin.TotalSeconds);
        }
    }

    /// <summary>
    /// Stops the scheduler and waits however long that takes, for a caller that must know it has stopped before
    /// the store goes (nodes of one process sharing a database that is then dropped): a clustered scheduler left
    /// running would retry the missing database for as long as the process lives.
    /// </summary>
    public Task StopAndWaitAsync() => Scheduler is null ? Task.CompletedTask : StopSchedulerAsync(Scheduler);

    private async Task StopSchedulerAsync(IScheduler scheduler)
    {
        await starting;
        await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None);
    }

    private async Task StartSchedulerAsync(IScheduler scheduler)
    {
        try
        {
            await scheduler.Start(lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The job scheduler could not start; periodic jobs do not run on this node.");
        }
    }
}
