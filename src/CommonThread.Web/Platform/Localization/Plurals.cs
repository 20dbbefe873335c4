using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Localization;

/// <summary>
/// Counted nouns in every language: "1 facility", "2 facilities", and in Bengali or Hindi the
/// singular for 0 too. The resource named by the text itself (e.g. "{0} facilities") is the "other"
/// form; a language that says another form for some counts adds "{0} facilities|one" (or |few, |many…)
/// beside it. Which form a count takes follows the CLDR plural rules for whole numbers
/// (unicode.org/cldr, plurals.xml) of the languages the platform speaks.
/// </summary>
public static class Plurals
{
    public const string One = "one", Many = "many", Other = "other";

    /// <summary>The CLDR plural category of a whole number in a language.</summary>
    public static string Category(long count, CultureInfo culture)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            // one: i = 0 or n = 1 (Bengali, Hindi, Amharic); Sinhala: n = 0,1 (whole numbers).
            "bn" or "hi" or "am" or "si" => n is 0 or 1 ? One : Other,
            // one: n = 1 (English, Tamil, Turkish); one: i = 1 and v = 0 (Urdu).
            "en" or "ta" or "tr" or "ur" => n == 1 ? One : Other,
            // one: n = 1; many: a whole million or more ("1 millón de…"): Spanish.
            "es" => n == 1 ? One : n != 0 && n % 1_000_000 == 0 ? Many : Other,
            // Indonesian, Vietnamese, Khmer, Burmese, Chinese: one form for every count.
            "id" or "vi" or "km" or "my" or "zh" => Other,
            _ => n == 1 ? One : Other,
        };
    }

    /// <summary>The text for <paramref name="count"/> in the current language, with the count (and any further values) put in.</summary>
    public static string Plural(this IStringLocalizer text, string key, long count, params object[] more)
    {
        var culture = CultureInfo.CurrentUICulture;
        var category = Category(count, culture);
        var form = text[$"{key}|{category}"];
        var pattern = category == Other || form.ResourceNotFound ? text[key].Value : form.Value;
        return string.Format(culture, pattern, [count, .. more]);
    }
}
