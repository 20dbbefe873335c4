using CommonThread.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Where uploads arrive, and how large they may be. <paramref name="IsPage"/>: a form page, which gets
/// itself back with <c>?tooLarge=1</c> to say so in its own words; otherwise an API, which gets 413.
/// </summary>
public sealed record UploadRoute(Func<string, bool> Matches, long MaxBytes, bool IsPage, Func<RuleViolation> TooLarge);

public static class UploadLimits
{
    /// <summary>
    /// Lets uploads to these routes be as large as each allows (the server's default is about 28 MB)
    /// and turns a larger one away before its body is read. Runs before antiforgery, which reads a
    /// page's form.
    /// </summary>
    public static void UseUploadLimits(this WebApplication app, params UploadRoute[] routes) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path.Value ?? "";
        if (HttpMethods.IsPost(http.Request.Method) && routes.FirstOrDefault(r => r.Matches(path)) is { } route)
        {
            var limit = route.MaxBytes + (1024 * 1024); // the form's other fields and multipart framing
            if (http.Request.ContentLength > limit)
            {
                if (route.IsPage)
                {
                    http.Response.Redirect($"{path}?tooLarge=1");
                    return;
                }

                var tooLarge = route.TooLarge();
                await Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [tooLarge.Field] = [tooLarge.Message] })
                {
                    Status = tooLarge.StatusCode, Title = "The request breaks a rule", Detail = tooLarge.Message,
                }).ExecuteAsync(http);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
        }

        await next(http);
    });
}
