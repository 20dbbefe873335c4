using CommonThread.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>One periodic job as an operator sees it.</summary>
public sealed record JobStatusDto(string Job, TimeSpan Interval, DateTimeOffset? LastStarted, DateTimeOffset? LastFinished, string? LastFailure,
    string? LastNode, bool Running, int FailuresLastDay, DateTimeOffset? NextRun);

/// <summary>What every periodic job did last and does next, read from the runs table (all nodes) and the scheduler's store.</summary>
public sealed class JobStatus(AppDbContext db, IEnumerable<PeriodicJobDefinition> definitions, SchedulerLifetime schedulers, IConfiguration configuration, TimeProvider clock)
{
    public async Task<List<JobStatusDto>> ListAsync(CancellationToken ct)
    {
        var dayAgo = clock.GetUtcNow().AddDays(-1);
        var names = definitions.Select(d => d.Name).ToList();
        var latest = await db.Set<JobRun>().AsNoTracking().Where(r => names.Contains(r.Job))
            .GroupBy(r => r.Job).Select(g => g.OrderByDescending(r => r.Period).First()).ToListAsync(ct);
        var failures = await db.Set<JobRun>().AsNoTracking().Where(r => names.Contains(r.Job) && r.Failure != null && r.Period >= dayAgo)
            .GroupBy(r => r.Job).Select(g => new { Job = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Job, g => g.Count, ct);
        var scheduler = schedulers.Scheduler;
        var result = new List<JobStatusDto>();
        foreach (var job in definitions.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var last = latest.SingleOrDefault(r => r.Job == job.Name);
            var trigger = scheduler is null ? null : await scheduler.GetTrigger(new TriggerKey(job.Name, PeriodicJobs.Group), ct);
            result.Add(new JobStatusDto(job.Name, job.IntervalIn(configuration), last?.StartedAt, last?.FinishedAt, last?.Failure, last?.Node,
                last is { FinishedAt: null }, failures.GetValueOrDefault(job.Name), trigger?.NextFireTimeUtc));
        }

        return result;
    }
}
