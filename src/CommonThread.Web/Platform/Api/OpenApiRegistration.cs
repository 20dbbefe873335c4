using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CommonThread.Web.Platform.Api;

public static class OpenApiRegistration
{
    public static void AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CommonThread API",
                Version = "v1",
                Description = "Human-rights due diligence and industrial relations in garment supply chains. "
                    + "Authenticate with `Authorization: Bearer ct_…` (an API token made under an organisation's API tokens page).",
            };
            return Task.CompletedTask;
        }));

    /// <summary><c>/openapi/v1.json</c>, and a browsable reference at <c>/scalar</c>.</summary>
    public static void MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("CommonThread API"));
    }
}
