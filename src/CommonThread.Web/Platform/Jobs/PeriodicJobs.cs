using CommonThread.Web.Platform.Data;
using Quartz;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// The periodic jobs, on Quartz.NET. With PostgreSQL, Quartz keeps its schedule in the database as a
/// cluster (ADO.NET job store, clustered, triggers acquired under its lock): every node fires, but each
/// firing goes to one node, a node that stops checking in has its runs recovered by another, and the store
/// outlives every node. SQLite is one process by nature (Quartz refuses to cluster on it), so the schedule
/// lives in memory there. Either way <see cref="JobRuns"/> keeps each job to one run per period.
/// </summary>
public static class PeriodicJobs
{
    /// <summary>The scheduler's name, the same on every node of a deployment: it is how they find each other in the store.</summary>
    public const string SchedulerName = "CommonThread";

    public const string Group = "periodic";

    public static IServiceCollection AddPeriodicJob(this IServiceCollection services, string name, TimeSpan interval,
        Func<IServiceProvider, CancellationToken, Task> work, string failure, string? intervalSetting = null) =>
        services.AddSingleton(new PeriodicJobDefinition(name, interval, work, failure, intervalSetting));

    /// <summary>
    /// Called once every feature has declared its jobs: the scheduler is registered with all of them.
    /// The store is chosen here, from the configuration the program starts with.
    /// </summary>
    public static void AddScheduler(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var jobs = services.Where(d => d.ServiceType == typeof(PeriodicJobDefinition)).Select(d => (PeriodicJobDefinition)d.ImplementationInstance!).ToList();
        services.AddScoped<JobRuns>();
        services.AddScoped<JobStatus>();
        services.Configure<QuartzOptions>(o =>
        {
            // A node that restarts declares its triggers again; the replaced trigger hands over its last firing,
            // so a restart does not fire every job at once.
            o.Scheduling.OverwriteExistingData = true;
            o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenNotWaitingForJobs;
            });
            q.UseDefaultThreadPool(2);
            // Jobs:Clustered=false keeps one PostgreSQL node's schedule in memory (a single-node deployment that
            // wants no scheduler tables); JobRuns still keeps each job to one run per period.
            if (database.Provider == DatabaseProvider.Postgres && builder.Configuration.GetValue("Jobs:Clustered", true))
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                    store.ConfigureStore(o => o.AcquireTriggersWithinLock = true);
                });
            }
            else
            {
                q.UseInMemoryStore(_ => { });
            }

            foreach (var job in jobs)
            {
                var key = new JobKey(job.Name, Group);
                q.AddJob<PeriodicJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery().WithDescription(job.Failure));
                q.AddTrigger(t => t.ForJob(key).WithIdentity(job.Name, Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(job.IntervalIn(builder.Configuration)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }
        });
        // A stopping node does not wait for its jobs: they are cancelled, and roll back whole.
        services.AddSingleton<SchedulerLifetime>();
        services.AddHostedService(s => s.GetRequiredService<SchedulerLifetime>());
    }
}
