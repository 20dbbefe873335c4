using CommonThread.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Localization;

/// <summary>
/// A refusal in the reader's language. Field messages are plain texts (some are a form's own words, already in
/// the form's language), so each is translated when it is a resource key and shown as it is otherwise.
/// </summary>
public static class ViolationText
{
    public static string Say(this IStringLocalizer text, RuleViolation violation) => violation.Words.In(text);

    /// <summary>The message and every field's messages in one line, for a page that shows them above a form.</summary>
    public static string Summary(this IStringLocalizer text, RuleViolation violation) =>
        violation.Errors.Count == 0
            ? text.Say(violation)
            : string.Join(" ", [text.Say(violation), .. violation.Errors.SelectMany(e => e.Value).Select(m => Phrase.Lookup(text, m))]);

    /// <summary>Each field's messages, translated, keyed as the client names the fields.</summary>
    public static Dictionary<string, string[]> FieldErrors(this IStringLocalizer text, RuleViolation violation) =>
        violation.Errors.Count > 0
            ? violation.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => Phrase.Lookup(text, m)).ToArray())
            : new Dictionary<string, string[]> { [violation.Field] = [text.Say(violation)] };
}
