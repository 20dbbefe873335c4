using CommonThread.Data;
using CommonThread.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>Claims a job's period for this node, and records how the run ended.</summary>
public sealed class JobRuns(AppDbContext db, JobNode node, TimeProvider clock)
{
    /// <summary>How long a run may go on before another node may take its period over even though its node seems alive.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>How long finished runs are kept for operators to read.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    /// <summary>
    /// The run this node is to do for the period, or null when the period is taken: done already, or
    /// running on a node that is alive. A run left unfinished by a node that died (the scheduler says it is
    /// recovering it, the node's process is gone, or the lease ran out) is taken over.
    /// </summary>
    public async Task<JobRun?> ClaimAsync(string job, DateTimeOffset period, bool recovering, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var run = new JobRun { Job = job, Period = period, Node = node.Id, StartedAt = now };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return run;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.Entry(run).State = EntityState.Detached;
        }

        var existing = await db.Set<JobRun>().SingleAsync(r => r.Job == job && r.Period == period, ct);
        if (existing.FinishedAt is not null || !(recovering || node.IsGone(existing.Node) || now - existing.StartedAt > Lease))
        {
            return null;
        }

        // Taken over only if no other node took it over first: the update names the owner it replaces.
        var taken = await db.Set<JobRun>()
            .Where(r => r.Id == existing.Id && r.Node == existing.Node && r.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Node, node.Id).SetProperty(r => r.StartedAt, now), ct);
        if (taken == 0)
        {
            return null;
        }

        existing.Node = node.Id;
        existing.StartedAt = now;
        return existing;
    }

    public async Task FinishAsync(JobRun run, string? failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Set<JobRun>().Where(r => r.Id == run.Id && r.Node == run.Node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Failure, failure), ct);
        var before = now - Kept;
        await db.Set<JobRun>().Where(r => r.Job == run.Job && r.Period < before).ExecuteDeleteAsync(ct);
    }
}
