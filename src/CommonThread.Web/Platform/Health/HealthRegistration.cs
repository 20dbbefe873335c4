using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CommonThread.Web.Platform.Health;

public static class HealthRegistration
{
    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

    /// <summary><c>/alive</c>: the process answers. <c>/health</c>: the database is reachable too.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health").ExcludeFromDescription();
    }
}
