using System.Text.RegularExpressions;

namespace CommonThread.Tests.Platform;

/// <summary>
/// Finds the words the platform says to people, by reading the sources as the page-key check reads pages:
/// every <c>Phrase.Of("…")</c> template, and every refusal (<c>new RuleViolation(field, "…")</c>,
/// <c>RuleViolation.Conflict(field, "…")</c>, <c>RuleViolation.NotFound("what")</c>). A message that is not a
/// literal (an interpolated string, a variable) cannot be translated by key, so each is reported where it is.
/// </summary>
public static partial class PhraseTemplates
{
    public static (IReadOnlyList<string> Templates, int NotLiteral) Collect(IEnumerable<string> sources)
    {
        var texts = sources.ToList();
        var literal = texts.SelectMany(s => Literal().Matches(s).Select(m => Regex.Unescape(m.Groups[1].Value))).ToList();
        return (literal.Distinct().ToList(), texts.Sum(s => Call().Count(s)) - literal.Count);
    }

    /// <summary>Each refusal's message template, and each refusal whose message is not a literal or a <c>Phrase.Of</c> (by its code).</summary>
    public static (IReadOnlyList<string> Templates, IReadOnlyList<string> NotLiteral) Refusals(IEnumerable<(string Name, string Text)> sources)
    {
        var templates = new List<string>();
        var notLiteral = new List<string>();
        foreach (var (name, text) in sources)
        {
            foreach (Match call in RefusalCall().Matches(text))
            {
                var arguments = Arguments(text, call.Index + call.Length);
                if (call.Groups[1].Value == "NotFound")
                {
                    var what = arguments.ElementAtOrDefault(0) ?? "";
                    Add(StringLiteral().Match(what) is { Success: true } m ? Regex.Unescape(m.Groups[1].Value) + " was not found." : null, what);
                    continue;
                }

                var message = arguments.ElementAtOrDefault(1) ?? "";
                if (message.StartsWith("Phrase.Of(", StringComparison.Ordinal))
                {
                    continue; // collected with every other Phrase.Of template
                }

                Add(StringLiteral().Match(message) is { Success: true } literal && literal.Length == message.Length ? Regex.Unescape(literal.Groups[1].Value) : null, message);
            }

            void Add(string? template, string code)
            {
                if (template is null)
                {
                    notLiteral.Add($"{name}: {code}");
                }
                else
                {
                    templates.Add(template);
                }
            }
        }

        return (templates.Distinct().ToList(), notLiteral);
    }

    public static IEnumerable<(string Name, string Text)> Sources()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CommonThread.Web"));
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The operator's command line speaks to whoever runs the server, in English, like its logs.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Operator{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(source, f), File.ReadAllText(f)));
    }

    public static (IReadOnlyList<string> Templates, int NotLiteral) CollectFromSources() => Collect(Sources().Select(s => s.Text));

    /// <summary>The templates some language lacks: missing from the neutral file, or blank in a translation.</summary>
    public static IReadOnlyList<string> Untranslated(IEnumerable<string> templates, IReadOnlyDictionary<string, string> neutral, IEnumerable<IReadOnlyDictionary<string, string>> translations)
    {
        var all = translations.ToList();
        return [.. templates.Where(t => !neutral.ContainsKey(t) || all.Any(language => string.IsNullOrWhiteSpace(language.GetValueOrDefault(t))))];
    }

    /// <summary>The top-level arguments of the call whose "(" ends just before <paramref name="start"/>, as code.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i = EndOfString(text, i);
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    arguments.Add(text[from..i].Trim());
                    return arguments;
                }
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[from..i].Trim());
                from = i + 1;
            }
        }

        return arguments;
    }

    /// <summary>The index of the quote that closes the string opening at <paramref name="open"/> (regular or verbatim).</summary>
    private static int EndOfString(string text, int open)
    {
        var verbatim = open > 0 && text[open - 1] == '@';
        for (var i = open + 1; i < text.Length; i++)
        {
            if (!verbatim && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                if (verbatim && i + 1 < text.Length && text[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return text.Length;
    }

    [GeneratedRegex("\\bPhrase\\.Of\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("\\bPhrase\\.Of\\(")]
    private static partial Regex Call();

    [GeneratedRegex("(?:\\bnew RuleViolation|\\bRuleViolation\\.(Conflict|NotFound))\\(")]
    private static partial Regex RefusalCall();

    [GeneratedRegex("^\"((?:[^\"\\\\]|\\\\.)*)\"$")]
    private static partial Regex StringLiteral();
}
