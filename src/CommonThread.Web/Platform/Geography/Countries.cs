using System.Globalization;
using CommonThread.Matching.Geography;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Geography;

/// <summary>ISO 3166-1 countries: codes for storage, and the names people write for them (see <see cref="CountryNames"/>).</summary>
public static class Countries
{
    /// <summary>Every country code we know with its name, by name: what country pickers offer.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => AllByName.Value;

    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> AllByName =
        new(() => [.. CountryNames.Codes.Select(c => (c, NameOf(c))).OrderBy(c => c.Item2, StringComparer.Ordinal)]);

    public static bool IsKnown(string? code) => Normalise(code) is { } normalised && CountryNames.IsCode(normalised);

    public static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    /// <summary>The normalised code; null when blank; a <c>countryCode</c> field error when unknown.</summary>
    /// <remarks>A field named countryCode takes a code only: an API client is a program and can send one.</remarks>
    public static string? Valid(string? code) =>
        Normalise(code) is not { } normalised ? null
        : IsKnown(normalised) ? normalised
        : throw new RuleViolation("countryCode", Phrase.Of("'{0}' is not an ISO 3166-1 alpha-2 country code.", code));

    public static string NameOf(string code) =>
        IsKnown(code) && Region(code) is { } region && region.TwoLetterISORegionName == code ? region.EnglishName : code;

    /// <summary>
    /// "BD", "BGD", "Bangladesh", "বাংলাদেশ", "Korea, Republic of", "U.S.A." → the alpha-2 code; null when the text names
    /// no country or could name several ("Congo"): see <see cref="RefusalWords"/> for what to tell the person.
    /// </summary>
    public static string? FromCodeOrName(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : CountryNames.Lookup(text) is [var code] ? code : null;

    /// <summary>The country code the text names, for a field that takes a code or a name; a refusal naming <paramref name="field"/> otherwise, blank included.</summary>
    public static string Require(string? text, string field = "country") =>
        FromCodeOrName(text) ?? throw Refused(field, text);

    /// <summary>Why <see cref="FromCodeOrName"/> gave no country for this text, in words that say what would be accepted.</summary>
    /// <remarks>Names that could be two countries ("Congo", "Korea") are the only ambiguous ones; more would be listed together.</remarks>
    public static Phrase RefusalWords(string? text) =>
        !string.IsNullOrWhiteSpace(text) && CountryNames.Lookup(text) is { Count: > 1 } codes
            ? codes.Count == 2
                ? Phrase.Of("'{0}' could be {1} or {2}: give the ISO code.", text.Trim(), Named(codes[0]), Named(codes[1]))
                : Phrase.Of("'{0}' could be any of {1}: give the ISO code.", text.Trim(), string.Join(", ", codes.Select(Named)))
            : Phrase.Of("'{0}' is not a country we know: give an ISO code such as BD or BGD, or the country's name such as Bangladesh.", text?.Trim());

    /// <summary>The refusal in English, for the messages that are kept as plain text (a list filter's field errors, an import row's problems).</summary>
    public static string Refusal(string? text) => RefusalWords(text).English;

    /// <summary>The refusal as a violation; its templates are the literals in <see cref="RefusalWords"/>, where the translation check reads them.</summary>
    private static RuleViolation Refused(string field, string? text) => new(field, RefusalWords(text));

    private static string Named(string code) => $"{NameOf(code)} ({code})";

    private static RegionInfo? Region(string code)
    {
        try
        {
            return new RegionInfo(code);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
