using System.Text.Json;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// A value in a JSON body that a converter refused (a control character, an implausible number or
/// date). System.Text.Json sets <see cref="JsonException.Path"/> to where it was, which names the field,
/// and <see cref="ProblemExceptionHandler"/> answers with that field's message.
/// </summary>
public class RefusedJsonValue(string message) : JsonException(message)
{
    /// <summary>"$.commitments[0].text" as the API names fields: "commitments[0].text".</summary>
    public string Field => Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "";
}
