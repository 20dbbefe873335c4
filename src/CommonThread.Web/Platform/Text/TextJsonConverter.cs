using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommonThread.Web.Platform.Text;

/// <summary>
/// Every string of every JSON body the API reads passes here: one holding a forbidden character (see
/// <see cref="TextInput"/>) is refused before any endpoint sees it, and the refusal names the field.
/// Writing is untouched.
/// </summary>
public sealed class TextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is null || TextInput.IndexOfForbidden(text) is var at && at < 0 ? text
            : throw new ForbiddenCharacterException($"Character {at + 1} is a control or invalid character (U+{(int)text[at]:X4}); remove it.");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A string with a forbidden character; System.Text.Json sets <see cref="JsonException.Path"/> to where it was, which names the field.</summary>
public sealed class ForbiddenCharacterException(string message) : JsonException(message)
{
    /// <summary>"$.commitments[0].text" as the API names fields: "commitments[0].text".</summary>
    public string Field => Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "";
}
