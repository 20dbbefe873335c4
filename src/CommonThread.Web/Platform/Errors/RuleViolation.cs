namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// A request that breaks a domain rule (the last owner leaving, a duplicate member). Services throw
/// it before writing anything; the API turns it into a ProblemDetails with the field's message and
/// pages show the message beside the field.
/// </summary>
public sealed class RuleViolation(string field, string message, int statusCode = StatusCodes.Status400BadRequest)
    : Exception(message)
{
    public string Field { get; } = field;

    public int StatusCode { get; } = statusCode;

    /// <summary>For a 429: when to try again (sent as Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Several fields at once (a questionnaire's problems, a form's answers), keyed as the client names them.</summary>
    public RuleViolation(IReadOnlyDictionary<string, string[]> errors, string message)
        : this(errors.Keys.FirstOrDefault() ?? "", message) => Errors = errors;

    /// <summary>Every field's messages when there are several; empty for a single-field violation.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    /// <summary>The message and every field's messages in one line, for a page that shows them above a form.</summary>
    public string Summary => Errors.Count == 0 ? Message : Message + " " + string.Join(" ", Errors.SelectMany(e => e.Value));

    public static RuleViolation NotFound(string what) => new(what, $"{what} was not found.", StatusCodes.Status404NotFound);

    public static RuleViolation Conflict(string field, string message) => new(field, message, StatusCodes.Status409Conflict);
}
