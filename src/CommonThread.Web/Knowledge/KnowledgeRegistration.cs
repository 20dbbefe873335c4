using CommonThread.Web.Knowledge.CollectiveAgreements;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Knowledge.PeerReview;
using CommonThread.Web.Knowledge.Training;

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
        services.AddHostedService<CbaReminderWorker>();
        services.AddScoped<NetworkAccess>();
        services.AddScoped<NetworkService>();
        services.AddScoped<ActionReminders>();
        services.AddHostedService<ActionReminderWorker>();
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
