using System.Globalization;
using System.Text.Encodings.Web;
using CommonThread.Web.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// The database is away (see <see cref="DatabaseUnavailable"/>): 503 with Retry-After instead of a 500.
/// API clients get ProblemDetails; a person in a browser gets a small page in their language that says
/// nothing was saved and offers to try again. The page is written here, not rendered by the layout,
/// because the layout itself reads the database.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, IStringLocalizer<Shell> text, HtmlEncoder html, ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseUnavailable.Is(exception))
        {
            return false;
        }

        // One line, no stack trace and nothing of the request beyond its route: an outage is not a fault
        // of the code, and an anonymous reporter's request must leave no trace.
        log.LogWarning("The database is unreachable; answered 503. {Reason}", DatabaseUnavailable.Reason(exception));
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-cache, no-store";
        if (WantsPage(http.Request))
        {
            await WritePageAsync(http, ct);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new()
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = "The service is unavailable",
                Detail = $"The database cannot be reached just now; nothing of this request was saved. Try again in {DatabaseUnavailable.RetryAfterSeconds} seconds.",
            },
        });
    }

    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private async Task WritePageAsync(HttpContext http, CancellationToken ct)
    {
        // The app's encoder, which leaves every script as it is (the default one would write "está" as entities).
        // The localization middleware's choice is kept on the request; its culture did not flow back out to here.
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var again = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            var page = $"""
                <!DOCTYPE html>
                <html lang="{html.Encode(culture.Name)}">
                <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{html.Encode(text["The service is unavailable"])}</title><link rel="stylesheet" href="{html.Encode(http.Request.PathBase + "/app.css")}" /></head>
                <body><main id="unavailable">
                <h1>{html.Encode(text["The service is unavailable"])}</h1>
                <p>{html.Encode(text["CommonThread cannot reach its database just now. Nothing you sent was saved. Please try again in a minute."])}</p>
                <p><a href="{html.Encode(again)}">{html.Encode(text["Try again"])}</a></p>
                </main></body>
                </html>
                """;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(page, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
