using System.Text.Json;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// A value in a JSON body that a converter refused (a control character, an implausible number or
/// date). System.Text.Json sets <see cref="JsonException.Path"/> to where it was, which names the field,
/// and <see cref="ProblemExceptionHandler"/> answers with that field's message in the reader's language.
/// </summary>
public class RefusedJsonValue(Phrase words) : JsonException(words.English)
{
    public Phrase Words { get; } = words;

    /// <summary>"$.commitments[0].text" as the API names fields: "commitments[0].text".</summary>
    public string Field => Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "";
}
