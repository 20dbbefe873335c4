using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Observability;
using Quartz;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// What the scheduler fires for every <see cref="PeriodicJobDefinition"/>: claims the period, runs the work
/// in a scope of its own and records the outcome. A failing run is logged and the next period comes at its
/// time: one bad moment (a database restart, a mail server down) never stops a job for good. The work
/// commits or rolls back whole, so a node dying mid-run leaves nothing to put back: the scheduler gives the
/// run to another node, which does it again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PeriodicJob(IEnumerable<PeriodicJobDefinition> definitions, IServiceScopeFactory scopes, IConfiguration configuration, Telemetry telemetry, ILogger<PeriodicJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var job = definitions.Single(d => d.Name == context.JobDetail.Key.Name);
        var period = PeriodicJobDefinition.PeriodOf(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, job.IntervalIn(configuration));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var runs = scope.ServiceProvider.GetRequiredService<JobRuns>();
            if (await runs.ClaimAsync(job.Name, period, context.Recovering, ct) is not { } run)
            {
                log.LogDebug("Job {Job} already ran for the period starting {Period}.", job.Name, period);
                telemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job.Name), new KeyValuePair<string, object?>("outcome", "skipped"));
                return;
            }

            var failure = await RunAsync(job, ct);
            await runs.FinishAsync(run, failure, CancellationToken.None);
            telemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job.Name), new KeyValuePair<string, object?>("outcome", failure is null ? "ran" : "failed"));
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) && !ct.IsCancellationRequested)
        {
            log.LogWarning("{Failure} The database is unreachable: {Reason}", job.Failure, DatabaseUnavailable.Reason(e));
        }
    }

    /// <summary>Runs the work; what ended it, or null when it ended well.</summary>
    private async Task<string?> RunAsync(PeriodicJobDefinition job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.Work(scope.ServiceProvider, ct);
            return null;
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) && !ct.IsCancellationRequested)
        {
            // An outage passes and the next period catches up: a warning, without a stack trace.
            log.LogWarning("{Failure} The database is unreachable: {Reason}", job.Failure, DatabaseUnavailable.Reason(e));
            return "database unreachable";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "{Failure}", job.Failure);
            return e.GetType().Name;
        }
    }
}
