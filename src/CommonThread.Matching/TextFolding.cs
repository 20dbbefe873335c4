using System.Globalization;
using System.Text;

namespace CommonThread.Matching;

/// <summary>
/// Folds text to lower-case ASCII words: accents dropped (Việt → viet), Cyrillic and Greek
/// transliterated, punctuation turned into spaces. Scripts without a Latin mapping (Bengali, Khmer…)
/// keep their letters, so two spellings in the same script still compare.
/// </summary>
public static class TextFolding
{
    private static readonly Dictionary<char, string> Special = BuildSpecial();

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        var lastBase = ' ';
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Accents on Latin, Greek and Cyrillic letters go; vowel signs of Bengali, Khmer… stay.
                if (lastBase >= '\u0530')
                {
                    result.Append(raw);
                }

                continue;
            }

            lastBase = raw;

            var c = char.ToLowerInvariant(raw);
            if (Special.TryGetValue(c, out var replacement))
            {
                result.Append(replacement);
                lastWasSpace = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
                lastWasSpace = false;
            }
            else if (c == '&')
            {
                result.Append(lastWasSpace ? "and " : " and ");
                lastWasSpace = true;
            }
            else if (c is '\'' or '’')
            {
                // O'Neil → oneil: apostrophes join, they do not split.
            }
            else if (!lastWasSpace)
            {
                result.Append(' ');
                lastWasSpace = true;
            }
        }

        return result.ToString().Trim();
    }

    private static Dictionary<char, string> BuildSpecial()
    {
        var map = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['ł'] = "l", ['þ'] = "th", ['ı'] = "i",
        };
        const string cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ";
        string[] cyrillicLatin = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"];
        for (var i = 0; i < cyrillic.Length; i++)
        {
            map[cyrillic[i]] = cyrillicLatin[i];
        }

        const string greek = "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώ";
        string[] greekLatin = ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "t", "y", "f", "ch", "ps", "o", "s", "a", "e", "i", "i", "o", "y", "o"];
        for (var i = 0; i < greek.Length; i++)
        {
            map[greek[i]] = greekLatin[i];
        }

        return map;
    }
}
