using CommonThread.Web.Knowledge.Library;

namespace CommonThread.Web.Knowledge;

/// <summary>The knowledge platform: the public library (and, to come, research review, capacity building, agreements and networks).</summary>
public static class KnowledgeRegistration
{
    public static void AddKnowledge(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<LibraryService>();
    }

    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app) => app.MapLibraryEndpoints();
}
