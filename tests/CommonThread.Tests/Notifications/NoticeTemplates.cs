using System.Text.RegularExpressions;

namespace CommonThread.Tests.Notifications;

/// <summary>
/// Finds the templates notices are told with, by reading the sources as the page-key check reads pages:
/// every <c>NoticeText.Of("…")</c>. A call whose template is not a literal cannot be checked, so those are counted.
/// </summary>
public static partial class NoticeTemplates
{
    public static (IReadOnlyList<string> Templates, int NotLiteral) Collect(IEnumerable<string> sources)
    {
        var texts = sources.ToList();
        var literal = texts.SelectMany(s => Literal().Matches(s).Select(m => Regex.Unescape(m.Groups[1].Value))).ToList();
        return (literal.Distinct().ToList(), texts.Sum(s => Call().Count(s)) - literal.Count);
    }

    public static (IReadOnlyList<string> Templates, int NotLiteral) CollectFromSources()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CommonThread.Web");
        return Collect(Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
    }

    /// <summary>The templates some language lacks: missing from the neutral file, or blank in a translation.</summary>
    public static IReadOnlyList<string> Untranslated(IEnumerable<string> templates, IReadOnlyDictionary<string, string> neutral, IEnumerable<IReadOnlyDictionary<string, string>> translations)
    {
        var all = translations.ToList();
        return [.. templates.Where(t => !neutral.ContainsKey(t) || all.Any(language => string.IsNullOrWhiteSpace(language.GetValueOrDefault(t))))];
    }

    [GeneratedRegex("\\bNoticeText\\.Of\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("\\bNoticeText\\.Of\\(")]
    private static partial Regex Call();
}
