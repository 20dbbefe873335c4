using CommonThread.Data;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Platform.Jobs;

public abstract class PeriodicJobSpecs(TestApp app)
{
    [Fact]
    public async Task Every_periodic_job_runs_once_after_start_and_operators_read_its_last_and_next_run()
    {
        var jobs = await UntilAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var listed = await scope.ServiceProvider.GetRequiredService<JobStatus>().ListAsync(CancellationToken.None);
            return listed.All(j => j.LastFinished is not null) ? listed : null;
        });

        Assert.Equal(["action-item-reminders", "agreement-reminders", "feedback-release", "grievance-schedule", "notification-mailer", "questionnaire-reminders", "rate-limit-cleanup"],
            jobs.Select(j => j.Job).Order(StringComparer.Ordinal));
        Assert.All(jobs, j =>
        {
            Assert.Null(j.LastFailure);
            Assert.False(j.Running);
            Assert.True(j.NextRun > j.LastStarted, $"{j.Job} runs next at {j.NextRun}");
        });
        // One run per job and period, whatever fired.
        var runs = await app.WithDbAsync(db => db.Set<JobRun>().AsNoTracking().ToListAsync());
        Assert.Equal(runs.Count, runs.DistinctBy(r => (r.Job, r.Period)).Count());
    }

    [Fact]
    public async Task Two_nodes_claiming_one_period_at_once_get_it_once()
    {
        var period = DateTimeOffset.UnixEpoch.AddYears(40).AddHours(Random.Shared.Next(1, 100_000));
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            // Nodes of other machines: alive as far as this one can tell.
            var runs = new JobRuns(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new JobNode($"machine-{i}/100/0000000{i}"), TimeProvider.System);
            return await runs.ClaimAsync("race", period, recovering: false, CancellationToken.None);
        }));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task A_run_left_by_a_node_that_died_is_taken_over_when_recovered_and_a_finished_one_never_runs_again()
    {
        var period = DateTimeOffset.UnixEpoch.AddYears(41).AddHours(Random.Shared.Next(1, 100_000));
        await app.WithDbAsync(async db =>
        {
            db.Add(new JobRun { Job = "abandoned", Period = period, Node = "another-machine/4242/0badc0de", StartedAt = TimeProvider.System.GetUtcNow() });
            db.Add(new JobRun { Job = "done", Period = period, Node = "another-machine/4242/0badc0de", StartedAt = TimeProvider.System.GetUtcNow(), FinishedAt = TimeProvider.System.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var node = new JobNode();
        var runs = new JobRuns(scope.ServiceProvider.GetRequiredService<AppDbContext>(), node, TimeProvider.System);

        // The other node may still be running it: its lease holds until the scheduler says it is recovering the run.
        Assert.Null(await runs.ClaimAsync("abandoned", period, recovering: false, CancellationToken.None));
        var taken = await runs.ClaimAsync("abandoned", period, recovering: true, CancellationToken.None);
        Assert.Equal(node.Id, taken?.Node);
        Assert.Null(await runs.ClaimAsync("done", period, recovering: true, CancellationToken.None));
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 150; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The periodic jobs did not all run within 30 seconds of start.");
    }
}

public sealed class PeriodicJobSpecsOnSqlite(SqliteApp app) : PeriodicJobSpecs(app);

public sealed class PeriodicJobSpecsOnPostgres(PostgresApp app) : PeriodicJobSpecs(app);
