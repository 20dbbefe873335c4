using CommonThread.Web.Knowledge.Agreements;
using CommonThread.Web.Knowledge.Library;

namespace CommonThread.Web.Knowledge;

/// <summary>The knowledge platform: the public library and the register of collective agreements (and, to come, research review, capacity building and networks).</summary>
public static class KnowledgeRegistration
{
    public static void AddKnowledge(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<LibraryService>();
        services.AddScoped<AgreementAccess>();
        services.AddScoped<AgreementService>();
        services.AddScoped<AgreementImport>();
        services.AddScoped<AgreementReminders>();
        services.AddHostedService<AgreementReminderWorker>();
    }

    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLibraryEndpoints();
        app.MapAgreementEndpoints();
    }
}
