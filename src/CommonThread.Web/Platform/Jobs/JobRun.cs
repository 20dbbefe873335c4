using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// One periodic job's run in one period, on the node that claimed it. The unique (job, period) pair is
/// what keeps a job to one run per period across nodes, even when the scheduler fires it twice (a node
/// restarted and re-declared its trigger, a misfire caught up); the rows are also what operators read.
/// Nothing of the work's data is kept here: a failure is recorded by the exception's type only.
/// </summary>
public sealed class JobRun
{
    public long Id { get; init; }

    public required string Job { get; init; }

    /// <summary>The start of the period this run stands for: the scheduled fire time rounded down to the job's interval.</summary>
    public DateTimeOffset Period { get; init; }

    /// <summary>The node (<see cref="JobNode.Id"/>) that runs or ran it; a node that recovers an abandoned run takes it over.</summary>
    public required string Node { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null while it runs, or when the node running it died.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The type of the exception that ended it, when one did ("database unreachable" for an outage).</summary>
    public string? Failure { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        b.Property(r => r.Job).HasMaxLength(64);
        b.Property(r => r.Node).HasMaxLength(200);
        b.Property(r => r.Failure).HasMaxLength(200);
        b.HasIndex(r => new { r.Job, r.Period }).IsUnique();
    }
}
