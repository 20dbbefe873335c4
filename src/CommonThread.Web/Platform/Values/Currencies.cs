using System.Globalization;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Values;

/// <summary>
/// ISO 4217 currencies in use somewhere (those of the world's regions): what currency pickers offer and what a
/// money field accepts. A code typed wrong ("BTD") would otherwise be stored, and every check that compares
/// currencies (a piece rate against the minimum wage) would silently find nothing to compare with.
/// </summary>
public static class Currencies
{
    /// <summary>Every currency code with its English name, by code.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => ByCode.Value;

    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> ByCode = new(() =>
    [
        .. CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .OfType<RegionInfo>()
            .Where(r => r.ISOCurrencySymbol.Length == 3 && r.ISOCurrencySymbol.All(char.IsAsciiLetterUpper))
            .GroupBy(r => r.ISOCurrencySymbol)
            .Select(g => (g.Key, g.First().CurrencyEnglishName))
            .OrderBy(c => c.Key, StringComparer.Ordinal),
    ]);

    private static readonly Lazy<HashSet<string>> Codes = new(() => All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));

    public static bool IsKnown(string? code) => code is not null && Codes.Value.Contains(code.Trim().ToUpperInvariant());

    /// <summary>The code in capitals; a field error on <paramref name="field"/> when blank or not a currency in use.</summary>
    public static string Valid(string? code, string field = "currency") =>
        string.IsNullOrWhiteSpace(code) ? throw new RuleViolation(field, "Give the currency as its three-letter ISO 4217 code, such as BDT, INR or USD.")
        : IsKnown(code) ? code.Trim().ToUpperInvariant()
        : throw new RuleViolation(field, Phrase.Of("'{0}' is not an ISO 4217 currency code in use (such as BDT, INR or USD).", code.Trim()));
}
