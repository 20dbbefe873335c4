using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// Turns the exceptions that mean "the client sent something wrong" into ProblemDetails with the
/// right status, and a unique index broken by two requests at once into a 409. Anything else stays a
/// 500 with no detail leaked.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            RuleViolation rule => new HttpValidationProblemDetails(
                rule.Errors.Count > 0 ? rule.Errors.ToDictionary() : new Dictionary<string, string[]> { [rule.Field] = [rule.Message] })
            {
                Status = rule.StatusCode,
                Title = rule.StatusCode == StatusCodes.Status404NotFound ? "Not found" : "The request breaks a rule",
                Detail = rule.Message,
            },
            BadHttpRequestException { InnerException: RefusedJsonValue text } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [text.Field] = [text.Message] })
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request breaks a rule", Detail = $"{text.Field}: {text.Message}",
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
