using System.Text;

namespace CommonThread.Web.Platform.Text;

/// <summary>
/// Text as it is taken in. Forbidden characters are the C0 controls except tab, line feed and carriage
/// return, surrogates that are not half of a pair, and U+FFFE/U+FFFF: exactly what XML 1.0 forbids, so
/// text without them can always be written to an XLSX file. They carry no meaning in a name or an
/// address; they come from pasted text, mis-decoded files or a client's bug. The JSON API refuses them
/// naming the field (a program can fix its data, and a value it later matches on stays as sent); forms
/// drop them, since a person cannot see them to take them out.
/// </summary>
public static class TextInput
{
    /// <summary>Optional text as stored: trimmed, and null when blank, so "" and "  " never mean something.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One of an enumeration's names as people type it in other programs' files, forgiving spaces, underscores, hyphens and case ("zero tolerance" is ZeroTolerance); null for anything else.</summary>
    public static T? EnumNamed<T>(string text) where T : struct, Enum
    {
        var folded = text.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(folded, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
    }

    /// <summary>Where the first forbidden character is, or -1.</summary>
    public static int IndexOfForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                i++;
            }
            else if (IsForbidden(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text without its forbidden characters; the same string when it has none.</summary>
    public static string Clean(string text)
    {
        var first = IndexOfForbidden(text);
        if (first < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                kept.Append(text[i]).Append(text[++i]);
            }
            else if (!IsForbidden(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    private static bool IsPair(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    /// <summary>A character forbidden on its own; a surrogate reaching here is not half of a pair.</summary>
    private static bool IsForbidden(char c) => c < ' ' ? c is not ('\t' or '\n' or '\r') : char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
