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
