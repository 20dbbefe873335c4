using System.Globalization;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Geography;

/// <summary>ISO 3166-1 alpha-2 country codes, as ICU knows them.</summary>
public static class Countries
{
    public static bool IsKnown(string? code) => Find(code) is not null;

    public static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    /// <summary>The normalised code; null when blank; a <c>countryCode</c> field error when unknown.</summary>
    public static string? Valid(string? code) =>
        Normalise(code) is not { } normalised ? null
        : IsKnown(normalised) ? normalised
        : throw new RuleViolation("countryCode", $"'{code}' is not an ISO 3166-1 alpha-2 country code.");

    public static string NameOf(string code) => Find(code)?.EnglishName ?? code;

    /// <summary>"BD", "bd" or "Bangladesh" → "BD"; null when neither a code nor an English country name.</summary>
    public static string? FromCodeOrName(string? text) =>
        Find(text) is { } region ? region.TwoLetterISORegionName
        : text is not null && ByEnglishName.Value.TryGetValue(text.Trim(), out var code) ? code
        : null;

    private static readonly Lazy<Dictionary<string, string>> ByEnglishName = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .OfType<RegionInfo>()
            .Where(r => r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
            .DistinctBy(r => r.EnglishName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(r => r.EnglishName, r => r.TwoLetterISORegionName, StringComparer.OrdinalIgnoreCase));

    private static RegionInfo? Find(string? code)
    {
        var normalised = Normalise(code);
        if (normalised is not { Length: 2 } || !normalised.All(char.IsAsciiLetterUpper))
        {
            return null;
        }

        try
        {
            var region = new RegionInfo(normalised);
            return region.TwoLetterISORegionName == normalised ? region : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
