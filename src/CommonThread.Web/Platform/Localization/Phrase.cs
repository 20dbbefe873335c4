using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Localization;

/// <summary>
/// Words meant for a person (a notice, a refusal), kept as a template and its values so each reader sees
/// them in their own language. The template is the English format string and also its resource key in
/// Shell.resx; LocalizationSpecs finds every template given to <c>Of</c> in the sources, so it must be
/// written there as a literal. A template without values is taken as it is written (braces and all).
/// Values are put in as they are (names, titles, references); dates go in as yyyy-MM-dd so they read
/// the same in every language.
/// </summary>
public sealed class Phrase
{
    private Phrase(string template, IReadOnlyList<string> arguments)
    {
        Template = template;
        Arguments = arguments;
    }

    public string Template { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The English text, stored beside the template so old readers, searches and unknown templates still have words.</summary>
    public string English => Arguments.Count == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);

    /// <summary>These words in the current UI language; the English when no resource translates the template.</summary>
    public string In(IStringLocalizer text) => Translate(text, Template, Arguments, English);

    /// <summary>A text with no values that may or may not be a resource key (a form's own message): translated when it is one.</summary>
    public static string Lookup(IStringLocalizer text, string words) => Translate(text, words, [], words);

    public string ArgumentsJson => JsonSerializer.Serialize(Arguments);

    /// <summary>Words with no values, taken as written; for code that passes on a message it was given (the literal is checked where it is written).</summary>
    public static Phrase Text(string words) => new(words, []);

    public static Phrase Of(string template, params object?[] arguments) => new(template, [.. arguments.Select(Value)]);

    /// <summary>
    /// A stored notice in the current UI language: its template translated, with its values put in. A row
    /// from before templates, a template no resource knows, or values that do not fit it give the stored text.
    /// </summary>
    public static string Say(IStringLocalizer text, string? template, string? arguments, string stored)
    {
        try
        {
            return Translate(text, template, arguments is null ? [] : JsonSerializer.Deserialize<string[]>(arguments) ?? [], stored);
        }
        catch (JsonException)
        {
            return stored;
        }
    }

    /// <summary>
    /// Words stored as their template and values (<see cref="ArgumentsJson"/>) beside their English, as they were: a row
    /// from before templates, or values that cannot be read, give the stored English, taken as written.
    /// </summary>
    public static Phrase Restore(string? template, string? argumentsJson, string english)
    {
        if (string.IsNullOrEmpty(template))
        {
            return Text(english);
        }

        try
        {
            return new(template, argumentsJson is null ? [] : JsonSerializer.Deserialize<string[]>(argumentsJson) ?? []);
        }
        catch (JsonException)
        {
            return Text(english);
        }
    }

    private static string Translate(IStringLocalizer text, string? template, IReadOnlyList<string> values, string stored)
    {
        if (string.IsNullOrEmpty(template))
        {
            return stored;
        }

        var pattern = text[template];
        if (pattern.ResourceNotFound)
        {
            return stored;
        }

        try
        {
            return values.Count == 0 ? pattern.Value : string.Format(CultureInfo.CurrentUICulture, pattern.Value, [.. values]);
        }
        catch (FormatException)
        {
            return stored;
        }
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
