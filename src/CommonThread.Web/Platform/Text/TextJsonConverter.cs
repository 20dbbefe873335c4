using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommonThread.Web.Platform.Localization;

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
            : throw new ForbiddenCharacterException(Phrase.Of("Character {0} is a control or invalid character (U+{1}); remove it.", at + 1, ((int)text[at]).ToString("X4", CultureInfo.InvariantCulture)));
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A string with a forbidden character.</summary>
public sealed class ForbiddenCharacterException(Phrase words) : Errors.RefusedJsonValue(words);
