namespace CommonThread.Web.Platform.Security;

/// <summary>
/// A browser sends the sign-in cookie with any request, even one another site's page makes; a form on
/// such a page can post to the API (multipart, urlencoded or plain text need no CORS pre-flight). So a
/// state change on the API that would be authenticated by the cookie (no bearer token) is refused when
/// the browser says it comes from another site (Sec-Fetch-Site) or names another origin (Origin, which
/// browsers send on every cross-origin post). Same-site scripts (the live form check) and API clients
/// with tokens, which no browser attaches by itself, are unaffected.
/// </summary>
public static class CrossSiteApiGuard
{
    public static void UseCrossSiteApiGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && IsCrossSite(request))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: "The API takes changes signed in by cookie only from this site's own pages; other programs use an API token.").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
