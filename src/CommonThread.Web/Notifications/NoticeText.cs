using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Notifications;

/// <summary>
/// The words of a notice, kept as a template and its values so each reader sees it in their own language.
/// The template is the English format string and also its resource key in Shell.resx; LocalizationSpecs
/// finds every template given to <c>Of</c> in the sources, so it must be written there as a literal.
/// Values are put in as they are (names, titles, references); dates go in as yyyy-MM-dd so they read
/// the same in every language.
/// </summary>
public sealed class NoticeText
{
    private NoticeText(string template, IReadOnlyList<string> arguments)
    {
        Template = template;
        Arguments = arguments;
    }

    public string Template { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The English text, stored beside the template so old readers, searches and unknown templates still have words.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);

    public string ArgumentsJson => JsonSerializer.Serialize(Arguments);

    public static NoticeText Of(string template, params object?[] arguments) => new(template, [.. arguments.Select(Value)]);

    /// <summary>
    /// A stored notice in the current UI language: its template translated, with its values put in. A row
    /// from before templates, a template no resource knows, or values that do not fit it give the stored text.
    /// </summary>
    public static string Say(IStringLocalizer text, string? template, string? arguments, string stored)
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
            var values = arguments is null ? [] : JsonSerializer.Deserialize<string[]>(arguments) ?? [];
            return string.Format(CultureInfo.CurrentUICulture, pattern.Value, [.. values]);
        }
        catch (Exception e) when (e is JsonException or FormatException)
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
