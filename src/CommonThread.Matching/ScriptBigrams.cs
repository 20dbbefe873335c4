using System.Globalization;

namespace CommonThread.Matching;

/// <summary>
/// Chinese, Japanese, Thai, Lao, Khmer and Burmese write a name without spaces, so a whole name is one "word" and a city
/// put before it (东莞市华美服装 / 华美服装 东莞) leaves nothing in common. Such a word becomes its overlapping pairs of
/// letters (东莞 莞市 市华 华美 美服 服装), the unit these scripts' search engines index, and names compare pair by pair.
/// </summary>
internal static class ScriptBigrams
{
    public static string[] Split(string[] words)
    {
        if (!words.Any(IsUnspaced))
        {
            return words;
        }

        var result = new List<string>(words.Length * 3);
        foreach (var word in words)
        {
            if (!IsUnspaced(word))
            {
                result.Add(word);
                continue;
            }

            // Letters as readers see them: a Thai or Khmer vowel sign stays with its consonant.
            var letters = new List<string>(word.Length);
            var elements = StringInfo.GetTextElementEnumerator(word);
            while (elements.MoveNext())
            {
                letters.Add(elements.GetTextElement());
            }

            if (letters.Count <= 2)
            {
                result.Add(word);
                continue;
            }

            for (var i = 0; i + 1 < letters.Count; i++)
            {
                result.Add(letters[i] + letters[i + 1]);
            }
        }

        return [.. result];
    }

    private static bool IsUnspaced(string word) => word.Length > 0 && word[0] switch
    {
        >= '\u3040' and <= '\u30FF' => true,  // Hiragana, Katakana
        >= '\u3400' and <= '\u4DBF' => true,  // CJK extension A
        >= '\u4E00' and <= '\u9FFF' => true,  // CJK unified
        >= '\uF900' and <= '\uFAFF' => true,  // CJK compatibility
        >= '\u0E00' and <= '\u0EFF' => true,  // Thai, Lao
        >= '\u1780' and <= '\u17FF' => true,  // Khmer
        >= '\u1000' and <= '\u109F' => true,  // Myanmar
        _ => false,
    };
}
