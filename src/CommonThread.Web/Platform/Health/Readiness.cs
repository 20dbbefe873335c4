using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CommonThread.Web.Platform.Health;

/// <summary>Settings under "Health".</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How long a stopping node keeps answering while it says it is not ready, before it stops taking
    /// connections: long enough for the load balancer's next health check to take it out of rotation.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>Whether this node has begun to stop: it then answers requests still but is not ready for new ones.</summary>
public sealed class Readiness
{
    public bool Draining { get; set; }
}

/// <summary>
/// On SIGTERM, before any hosted service stops (the web server among them: "stopping" comes before every
/// "stop"), the node turns not-ready and keeps serving for the drain delay, so the load balancer moves new
/// requests elsewhere; then the server stops taking connections and finishes those in flight.
/// </summary>
internal sealed class DrainOnStop(Readiness readiness, IOptions<HealthOptions> options, ILogger<DrainOnStop> log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.Draining = true;
        if (options.Value.DrainDelay > TimeSpan.Zero)
        {
            log.LogInformation("Stopping: not ready any more; taking requests for {Delay} more.", options.Value.DrainDelay);
            await Task.Delay(options.Value.DrainDelay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

internal sealed class DrainingHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.Draining ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());
}

/// <summary>The job scheduler runs (and, clustered, reaches its store: the database check covers the connection).</summary>
internal sealed class SchedulerHealthCheck(Jobs.SchedulerLifetime schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Created: it starts once the application has (the hosted service waits for that), within the second.
        return schedulers.Scheduler is { } scheduler && await scheduler.GetStatus(cancellationToken) is SchedulerStatus.Running or SchedulerStatus.Created
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("job scheduler not running");
    }
}
