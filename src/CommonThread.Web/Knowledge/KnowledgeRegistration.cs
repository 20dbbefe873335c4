using CommonThread.Web.Knowledge.CollectiveAgreements;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;

namespace CommonThread.Web.Knowledge;

/// <summary>The knowledge platform: the public library, the register of collective agreements, and networks (and, to come, research review and capacity building).</summary>
public static class KnowledgeRegistration
{
    public static void AddKnowledge(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<LibraryService>();
        services.AddScoped<CbaAccess>();
        services.AddScoped<CbaService>();
        services.AddScoped<CbaImport>();
        services.AddScoped<CbaReminders>();
        services.AddHostedService<CbaReminderWorker>();
        services.AddScoped<NetworkAccess>();
        services.AddScoped<NetworkService>();
    }

    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLibraryEndpoints();
        app.MapCbaEndpoints();
        app.MapNetworkEndpoints();
    }
}
