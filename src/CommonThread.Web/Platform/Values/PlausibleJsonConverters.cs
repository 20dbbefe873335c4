using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Values;

/// <summary>
/// Every date of every JSON body the API reads passes here: one outside <see cref="Plausible.Day"/>
/// (0001-01-01, 9999-12-31) is refused before any endpoint sees it, naming the field. Each field's own
/// kind (a payment day, a birth date) is checked again by its service.
/// </summary>
public sealed class PlausibleDateJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new JsonException("Not a date: write it as 2025-03-31.");
        }

        return Plausible.Day.Contains(day) ? day : throw new RefusedJsonValue(Plausible.Day.RefusalWords(day));
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>
/// Every decimal of every JSON body: beyond <see cref="Plausible.AnyNumber"/> nothing of ours has a
/// meaning and arithmetic on it could overflow, so it is refused at the edge, naming the field.
/// Numbers written as strings are read as the web defaults allow.
/// </summary>
public sealed class PlausibleDecimalJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDecimal(out value))
            {
                throw new RefusedJsonValue(Phrase.Of("The number is beyond {0}: no value here can be that large.", Plausible.AnyNumber.Max.ToString("#,0", CultureInfo.InvariantCulture)));
            }
        }
        else if (reader.TokenType != JsonTokenType.String
                 || !decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            throw new JsonException("Not a number.");
        }

        return Plausible.AnyNumber.Contains(value) ? value : throw new RefusedJsonValue(Plausible.AnyNumber.RefusalWords(value));
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
