using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace CommonThread.Web.Platform.Errors;

public static class ErrorRegistration
{
    public static void AddErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // In this order: an outage is a 503 whatever exception type carried it.
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddValidation();
        // Malformed bodies and wrong content types are thrown (rather than answered with an empty
        // 400) so that ProblemExceptionHandler can say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Control characters in any string of a body are refused, naming the field (ProblemExceptionHandler).
            o.SerializerOptions.Converters.Add(new Text.TextJsonConverter());
            // Dates and numbers no kind of ours can take (year 9999, 10^28) are refused the same way.
            o.SerializerOptions.Converters.Add(new Values.PlausibleDateJsonConverter());
            o.SerializerOptions.Converters.Add(new Values.PlausibleDecimalJsonConverter());
        });
    }

    public static void UseErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Empty API error responses (404 on an unmatched route, 405) get a ProblemDetails body;
        // pages get their own not-found view instead.
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new() { HttpContext = http });
            }
        });
    }
}
