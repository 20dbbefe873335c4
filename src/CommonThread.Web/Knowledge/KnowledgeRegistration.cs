using CommonThread.Web.Knowledge.CollectiveAgreements;
using CommonThread.Web.Knowledge.Library;

namespace CommonThread.Web.Knowledge;

/// <summary>The knowledge platform: the public library and the register of collective agreements (and, to come, research review, capacity building and networks).</summary>
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
    }

    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLibraryEndpoints();
        app.MapCbaEndpoints();
    }
}
