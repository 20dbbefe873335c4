using Microsoft.AspNetCore.Diagnostics;
using System.Globalization;
using CommonThread.Web.Platform.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// Turns the exceptions that mean "the client sent something wrong" into ProblemDetails with the
/// right status, and a unique index broken by two requests at once into a 409. Anything else stays a
/// 500 with no detail leaked. Messages are in the request's language (Accept-Language, ?culture=, the cookie).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<Shell> text, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The localization middleware runs inside this handler's, so its culture was undone on the way out; the feature keeps it.
        if (http.Features.Get<IRequestCultureFeature>() is { } requested)
        {
            CultureInfo.CurrentCulture = requested.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = requested.RequestCulture.UICulture;
        }

        ProblemDetails? problem = exception switch
        {
            RuleViolation rule => new HttpValidationProblemDetails(text.FieldErrors(rule))
            {
                Status = rule.StatusCode,
                Title = rule.StatusCode == StatusCodes.Status404NotFound ? text["Not found"] : text["The request breaks a rule"],
                Detail = text.Say(rule),
            },
            BadHttpRequestException { InnerException: RefusedJsonValue refused } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [refused.Field] = [refused.Words.In(text)] })
            {
                Status = StatusCodes.Status400BadRequest, Title = text["The request breaks a rule"], Detail = $"{refused.Field}: {refused.Words.In(text)}",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "Unsupported content type: send application/json"
                    : "The request could not be read",
                Detail = bad.InnerException is System.Text.Json.JsonException json ? $"Malformed JSON: {json.Message}" : bad.Message,
            },
            Microsoft.EntityFrameworkCore.DbUpdateException when UniqueViolation.Is(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict",
                Detail = "The same change arrived twice at the same moment and the other one was kept; reload to see it.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status409Conflict && exception is not RuleViolation)
        {
            // An expected race (a double submission), not a fault: one line, no stack trace.
            log.LogInformation("A duplicate submission to {Path} was refused with 409.", http.Request.Path.Value);
        }

        http.Response.StatusCode = problem.Status!.Value;
        if (exception is RuleViolation { RetryAfter: { } retryAfter })
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
