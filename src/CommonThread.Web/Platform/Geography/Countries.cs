using System.Globalization;
using CommonThread.Matching.Geography;
using CommonThread.Web.Platform.Errors;

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
        : throw new RuleViolation("countryCode", $"'{code}' is not an ISO 3166-1 alpha-2 country code.");

    public static string NameOf(string code) =>
        IsKnown(code) && Region(code) is { } region && region.TwoLetterISORegionName == code ? region.EnglishName : code;

    /// <summary>
    /// "BD", "BGD", "Bangladesh", "বাংলাদেশ", "Korea, Republic of", "U.S.A." → the alpha-2 code; null when the text names
    /// no country or could name several ("Congo"): see <see cref="Refusal"/> for what to tell the person.
    /// </summary>
    public static string? FromCodeOrName(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : CountryNames.Lookup(text) is [var code] ? code : null;

    /// <summary>Why <see cref="FromCodeOrName"/> gave no country for this text, in words that say what would be accepted.</summary>
    public static string Refusal(string? text) =>
        !string.IsNullOrWhiteSpace(text) && CountryNames.Lookup(text) is { Count: > 1 } codes
            ? $"'{text.Trim()}' could be {string.Join(" or ", codes.Select(c => $"{NameOf(c)} ({c})"))}: give the ISO code."
            : $"'{text?.Trim()}' is not a country we know: give an ISO code such as BD or BGD, or the country's name such as Bangladesh.";

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
