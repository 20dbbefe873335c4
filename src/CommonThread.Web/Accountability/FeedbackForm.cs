using CommonThread.Web.Assessments;
using CommonThread.XlsForm;

namespace CommonThread.Web.Accountability;

/// <summary>
/// The supplier-feedback questionnaire, shipped as an XLSForm beside this class: each top-level
/// group is a category of purchasing practice, rated on an agreement scale scored 0–100, with an
/// optional comment; the overall comment stands alone.
/// </summary>
public static class FeedbackForm
{
    public const string OverallCategory = "overall";

    private static readonly Lazy<XlsFormDefinition> Loaded = new(() =>
    {
        const string name = "purchasing-practices-feedback.csv";
        using var stream = typeof(FeedbackForm).Assembly.GetManifestResourceStream($"CommonThread.Web.Accountability.Starters.{name}")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return XlsFormFile.Load(name, buffer.ToArray());
    });

    public static XlsFormDefinition Definition => Loaded.Value;

    /// <summary>The categories in the form's order: planning and forecasting, design and development, costing…</summary>
    public static IReadOnlyList<FormGroup> Categories => Definition.Items.OfType<FormGroup>().ToList();

    public static string Label(string category, string? language) =>
        category == OverallCategory ? "Overall" : Categories.FirstOrDefault(c => c.Name == category)?.Label.In(language) ?? category;

    /// <summary>The category a free-text answer is about: its group, or "overall" for the closing question.</summary>
    public static string CategoryOf(FormItem question)
    {
        var top = question.Parent;
        while (top?.Parent is not null)
        {
            top = top.Parent;
        }

        return top?.Name ?? OverallCategory;
    }

    /// <summary>The form's language for a culture or language code ("es", "es-ES") or a form language name; the default when it has none.</summary>
    public static string LanguageFor(string? code)
    {
        var languages = Definition.Languages;
        if (code is null)
        {
            return languages[0];
        }

        var twoLetters = code.Split('-')[0];
        return languages.FirstOrDefault(l => l == code) ?? languages.FirstOrDefault(l => l.EndsWith($"({twoLetters})", StringComparison.OrdinalIgnoreCase)) ?? languages[0];
    }

    /// <summary>The form's language for a supplier in a country (Bangladesh: Bengali), else for <paramref name="culture"/>.</summary>
    public static string LanguageForCountry(string? countryCode, string? culture) =>
        countryCode is not null && CountryLanguages.TryGetValue(countryCode, out var code) ? LanguageFor(code) : LanguageFor(culture);

    private static readonly Dictionary<string, string> CountryLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BD"] = "bn", ["IN"] = "hi", ["VN"] = "vi", ["ID"] = "id", ["TR"] = "tr", ["CN"] = "zh", ["ES"] = "es", ["MX"] = "es", ["GT"] = "es", ["HN"] = "es", ["SV"] = "es",
        ["NI"] = "es", ["CO"] = "es", ["PE"] = "es", ["DO"] = "es", ["EC"] = "es",
    };

    /// <summary>Red below 50, amber below 70, green from 70.</summary>
    public static string Rating(double score) => score >= 70 ? "green" : score >= 50 ? "amber" : "red";
}
