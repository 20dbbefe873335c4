namespace CommonThread.Matching;

/// <summary>
/// Joins letters written one at a time — with dots or spaces — back into the word they spell:
/// "s a de c v" → "sa de cv", "p t" → "pt", "d o o" → "doo". Otherwise each letter is a word of its
/// own that outweighs the real name. Letters that label a unit stay apart ("unit a b", "block b 2"),
/// because they are what tells sister factories apart; digits are never joined.
/// </summary>
internal static class LetterRuns
{
    // Words after which single letters name a unit, not an abbreviation.
    private static readonly HashSet<string> UnitWords =
    [
        "unit", "units", "block", "blk", "building", "bldg", "factory", "plant", "shed", "hall", "line", "floor", "fl", "flr", "phase",
        "wing", "section", "sec", "sector", "tower", "gate", "lot", "plot", "no", "nr", "number", "house", "door", "room", "level", "site",
        "warehouse", "branch", "zone", "area", "mill", "workshop", "division", "dept", "department", "shop", "annex", "extension",
    ];

    public static string[] Join(string[] words)
    {
        if (!words.Any(IsLetter))
        {
            return words;
        }

        var result = new List<string>(words.Length);
        var i = 0;
        while (i < words.Length)
        {
            var end = i;
            while (end < words.Length && IsLetter(words[end]))
            {
                end++;
            }

            // A letter just before a number labels it ("b 2"): it stays apart from the run.
            var runEnd = end < words.Length && words[end].All(char.IsDigit) ? end - 1 : end;
            var labelsAUnit = i > 0 && UnitWords.Contains(words[i - 1]);
            if (runEnd - i >= 2 && !labelsAUnit)
            {
                result.Add(string.Concat(words[i..runEnd]));
                result.AddRange(words[runEnd..end]);
                i = end;
            }
            else if (end > i)
            {
                result.AddRange(words[i..end]);
                i = end;
            }
            else
            {
                result.Add(words[i]);
                i++;
            }
        }

        return [.. result];
    }

    private static bool IsLetter(string word) => word.Length == 1 && char.IsLetter(word[0]);
}
