using CommonThread.Web.Knowledge.CollectiveAgreements;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Knowledge.PeerReview;
using CommonThread.Web.Knowledge.Training;
using CommonThread.Web.Platform.Jobs;

namespace CommonThread.Web.Knowledge;

/// <summary>The knowledge platform: the public library, the register of collective agreements, networks with their peer review, and capacity building.</summary>
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
        services.AddPeriodicJob("agreement-reminders", TimeSpan.FromHours(1), (s, ct) => s.GetRequiredService<CbaReminders>().RemindAsync(ct),
            "Reminders of agreements coming to an end could not be sent; trying again in an hour.");
        services.AddScoped<NetworkAccess>();
        services.AddScoped<NetworkService>();
        services.AddScoped<ActionReminders>();
        // The keys keep each reminder to one.
        services.AddPeriodicJob("action-item-reminders", TimeSpan.FromHours(1), (s, ct) => s.GetRequiredService<ActionReminders>().RemindAsync(ct),
            "Reminders of network action items could not be sent; trying again in an hour.");
        services.AddScoped<ReviewAccess>();
        services.AddScoped<ReviewService>();
        services.AddScoped<TrainingService>();
        services.AddScoped<CertificatePdf>();
    }

    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLibraryEndpoints();
        app.MapCbaEndpoints();
        app.MapNetworkEndpoints();
        app.MapReviewEndpoints();
        app.MapTrainingEndpoints();
    }
}
