using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// A request that breaks a domain rule (the last owner leaving, a duplicate member). Services throw
/// it before writing anything; the API turns it into a ProblemDetails with the field's message and
/// pages show the message beside the field. The message is kept as a <see cref="Phrase"/> so each reader gets
/// it in their language (<see cref="ViolationText"/>); <see cref="Exception.Message"/> stays the English.
/// A message with values is given as a Phrase of a template and its values, never as an interpolated string, so
/// the translation check can read its template.
/// </summary>
public sealed class RuleViolation(string field, Phrase words, int statusCode = StatusCodes.Status400BadRequest)
    : Exception(words.English)
{
    public RuleViolation(string field, string message, int statusCode = StatusCodes.Status400BadRequest)
        : this(field, Phrase.Text(message), statusCode)
    {
    }

    public string Field { get; } = field;

    /// <summary>The message as a template and its values, for translation.</summary>
    public Phrase Words { get; } = words;

    public int StatusCode { get; } = statusCode;

    /// <summary>For a 429: when to try again (sent as Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Several fields at once (a questionnaire's problems, a form's answers), keyed as the client names them.</summary>
    public RuleViolation(IReadOnlyDictionary<string, string[]> errors, Phrase words)
        : this(errors.Keys.FirstOrDefault() ?? "", words) => Errors = errors;

    public RuleViolation(IReadOnlyDictionary<string, string[]> errors, string message)
        : this(errors, Phrase.Text(message))
    {
    }

    /// <summary>Every field's messages when there are several; empty for a single-field violation.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    /// <summary>"facility was not found.": the key is made from <paramref name="what"/>, which the translation check reads from each call.</summary>
    public static RuleViolation NotFound(string what) => new(what, Phrase.Text(what + " was not found."), StatusCodes.Status404NotFound);

    public static RuleViolation Conflict(string field, string message) => new(field, message, StatusCodes.Status409Conflict);

    /// <summary>The same refusal, in the same words, against another field (a helper's "file" becomes the question it answers).</summary>
    public RuleViolation For(string field) => new(field, Words, StatusCode) { RetryAfter = RetryAfter };

    public static RuleViolation Conflict(string field, Phrase words) => new(field, words, StatusCodes.Status409Conflict);
}
