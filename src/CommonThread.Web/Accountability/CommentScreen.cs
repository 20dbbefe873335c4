using System.Text.RegularExpressions;

namespace CommonThread.Web.Accountability;

/// <summary>
/// Looks through a supplier's free text for what could identify its writer — contact details,
/// long numbers, a person's title, the writer's own company or factory names — so the initiative
/// redacts it before any brand reads it. A flag holds a comment back; it never changes it.
/// </summary>
public static partial class CommentScreen
{
    public static string? Flags(string text, IEnumerable<string> ownNames)
    {
        var found = new List<string>();
        if (Email().IsMatch(text))
        {
            found.Add("an e-mail address");
        }

        if (Web().IsMatch(text))
        {
            found.Add("a web address");
        }

        if (LongNumber().IsMatch(text))
        {
            found.Add("a phone or reference number");
        }

        if (PersonTitle().IsMatch(text))
        {
            found.Add("a person's name");
        }

        var named = ownNames.Where(n => n.Length >= 4).SelectMany(Distinctive).Where(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        if (named.Count > 0)
        {
            found.Add("the writer's company or factory (" + string.Join(", ", named) + ")");
        }

        return found.Count == 0 ? null : string.Join("; ", found);
    }

    // "Dhaka Knitwear Ltd" is found by "Dhaka Knitwear" and by "Knitwear", not by "Ltd".
    private static IEnumerable<string> Distinctive(string name) =>
        name.Split([' ', ',', '.', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && !CommonWords.Contains(w)).Prepend(name);

    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "limited", "company", "garment", "garments", "factory", "apparel", "textile", "textiles", "industries", "industry", "group", "unit", "fashion", "fashions", "manufacturing",
        "international", "private", "the", "and",
    };

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Web();

    [GeneratedRegex(@"\+?\d[\d\s-]{5,}\d")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Miss|Dr|Sr|Sra|Sir|Madam)\.?\s+\p{Lu}", RegexOptions.None)]
    private static partial Regex PersonTitle();
}
