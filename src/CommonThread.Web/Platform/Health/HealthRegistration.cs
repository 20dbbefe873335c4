using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CommonThread.Web.Platform.Health;

public static class HealthRegistration
{
    private const string Ready = "ready";

    public static void AddHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddSingleton<Readiness>();
        services.AddHostedService<DrainOnStop>();
        services.AddHealthChecks()
            .AddCheck<DrainingHealthCheck>("draining", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("jobs", tags: [Ready]);
    }

    /// <summary>
    /// <c>/alive</c>: the process answers (liveness: restart it if not). <c>/ready</c>: it should be sent
    /// requests — not stopping, the database and the job scheduler reachable (readiness: take it out of
    /// rotation if not). <c>/health</c> is the same as <c>/ready</c>, for monitors set up before it.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) };
        app.MapHealthChecks("/ready", ready).ExcludeFromDescription();
        app.MapHealthChecks("/health", ready).ExcludeFromDescription();
    }
}
