using System.Globalization;
using System.Text;

namespace CommonThread.Web.Knowledge.Library;

/// <summary>
/// Text cut into the words search compares, the same for documents and for queries and on both databases: lower-case
/// NFKC words of letters, digits and their marks (a Bengali or Devanagari vowel sign stays inside its word); in the
/// scripts written without spaces between words (Chinese, Japanese, Khmer, Myanmar, Thai, Lao) every two neighbouring
/// characters, so "工会代表" is found by "工会" and by "代表" without a dictionary of words.
/// </summary>
public static class SearchWords
{
    /// <summary>The most words a query is cut into: more add little and cost the database more.</summary>
    public const int MaxQueryWords = 12;

    private const int MaxWordLength = 60;

    public static IReadOnlyList<string> Of(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var word = new StringBuilder();
        var unspaced = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(normalised);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (IsWordPart(element) && IsUnspaced(element))
            {
                Flush(word, words);
                unspaced.Add(element);
            }
            else if (IsWordPart(element))
            {
                Flush(unspaced, words);
                word.Append(element);
            }
            else
            {
                Flush(word, words);
                Flush(unspaced, words);
            }
        }

        Flush(word, words);
        Flush(unspaced, words);
        return words;
    }

    /// <summary>The words joined by spaces: what the search index is given.</summary>
    public static string Joined(string? text) => string.Join(' ', Of(text));

    /// <summary>A query's distinct words, at most <see cref="MaxQueryWords"/>.</summary>
    public static IReadOnlyList<string> OfQuery(string? query) => [.. Of(query).Distinct(StringComparer.Ordinal).Take(MaxQueryWords)];

    /// <summary>
    /// Whether a query word matches as a beginning ("organis" finds "organising"). A pair of characters of a script
    /// without spaces is matched whole: as a beginning it would also match every longer cluster pair that starts
    /// alike (Khmer, Myanmar), which finds nothing more of use and costs the index a scan of all of them.
    /// </summary>
    public static bool MatchesAsPrefix(string word)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        return !elements.MoveNext() || !IsUnspaced((string)elements.Current) || !elements.MoveNext();
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString());
            word.Clear();
        }
    }

    private static void Flush(List<string> run, List<string> words)
    {
        if (run.Count == 1)
        {
            words.Add(run[0]);
        }

        for (var i = 0; i + 1 < run.Count; i++)
        {
            words.Add(run[i] + run[i + 1]);
        }

        run.Clear();
    }

    private static bool IsWordPart(string element)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(element, 0);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>Whether a character belongs to a script written without spaces between words.</summary>
    private static bool IsUnspaced(string element)
    {
        var c = char.ConvertToUtf32(element, 0);
        return c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2FFFF) or (>= 0xF900 and <= 0xFAFF) // Han
            or (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
            or (>= 0x1780 and <= 0x17FF) or (>= 0x19E0 and <= 0x19FF) // Khmer
            or (>= 0x1000 and <= 0x109F) or (>= 0xAA60 and <= 0xAA7F) // Myanmar
            or (>= 0x0E00 and <= 0x0E7F) // Thai
            or (>= 0x0E80 and <= 0x0EFF); // Lao
    }
}
