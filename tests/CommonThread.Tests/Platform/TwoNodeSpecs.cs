using System.Net;
using CommonThread.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Platform;

/// <summary>One app node of a deployment whose database another node shares, with a small sign-in allowance.</summary>
public sealed class NodeApp(string database, bool first) : PostgresApp
{
    protected override string DatabaseName => database;

    protected override bool DropsDatabase => first;

    protected override bool ClusteredJobs => true;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("RateLimits:SignInPerMinute", "3")];
}

/// <summary>Two app nodes on one PostgreSQL database, as behind a load balancer; the second starts once the first has set the database up.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string database = $"ct_test_{Guid.NewGuid():N}";

    public NodeApp First { get; private set; } = null!;

    public NodeApp Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        First = new NodeApp(database, first: true);
        await First.InitializeAsync();
        Second = new NodeApp(database, first: false);
        await Second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Both schedulers wholly stopped before the database goes (a node stops its own within 10 s and leaves a
        // slower one behind, which on a dropped database would retry until the test process ends); then the
        // second node, as the first drops the database they share.
        foreach (var node in new[] { Second, First })
        {
            await node.Services.GetRequiredService<CommonThread.Web.Platform.Jobs.SchedulerLifetime>().StopAndWaitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }

        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

public sealed class TwoNodeSpecs(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Sign_in_attempts_spend_one_allowance_across_nodes_not_one_per_node()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var node in new[] { nodes.First, nodes.Second, nodes.First, nodes.Second })
        {
            var response = await node.Anonymous().PostFormAsync("/account/login", "login",
                new() { ["Input.Email"] = "nobody@test.example", ["Input.Password"] = "wrong-password-1" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Both_nodes_join_one_job_cluster_and_no_job_runs_twice_in_a_period()
    {
        // A node's scheduler starts once its host has, and checks in from a background thread: on a busy machine
        // the second node's row can come a moment after its host answers.
        Task<long> MembersAsync() => nodes.First.WithDbAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = {0}", CommonThread.Web.Platform.Jobs.PeriodicJobs.SchedulerName).SingleAsync());
        var members = await MembersAsync();
        for (var waited = TimeSpan.Zero; members < 2 && waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(250))
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            members = await MembersAsync();
        }

        var runs = await nodes.Second.WithDbAsync(db => db.Set<CommonThread.Web.Platform.Jobs.JobRun>().AsNoTracking().ToListAsync());

        Assert.Equal(2, members);
        Assert.NotEmpty(runs);
        Assert.Equal(runs.Count, runs.DistinctBy(r => (r.Job, r.Period)).Count());
    }
}
