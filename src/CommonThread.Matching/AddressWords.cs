using CommonThread.Matching.Geography;

namespace CommonThread.Matching;

/// <summary>What addresses (and names) write in different shapes for the same place: numbers glued to their word, the country's own name.</summary>
internal static class AddressWords
{
    /// <summary>"plot12" → plot, 12; "sector7" → sector, 7. A short letter part ("b2", "mxp5") is a label and stays whole.</summary>
    public static IEnumerable<string> SplitNumber(string token)
    {
        if (token.Length < 4 || !char.IsAsciiDigit(token[^1]))
        {
            return [token];
        }

        var letters = 0;
        while (letters < token.Length && char.IsAsciiLetter(token[letters]))
        {
            letters++;
        }

        if (letters >= 3 && letters < token.Length && token.AsSpan(letters).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return [token[..letters], token[letters..]];
        }

        return [token];
    }

    /// <summary>
    /// The address without its own country's name or code: one list ends every address with "Bangladesh", another with
    /// "BD", a third says nothing, and the name would otherwise count as a shared word. Other countries' names stay.
    /// </summary>
    public static string[] WithoutCountry(string[] tokens, string countryCode) => ReplaceCountry(tokens, countryCode, null);

    /// <summary>
    /// A name's words with its own country's name written one way: "Ever Smart Bangladesh" and "Ever Smart BD", "Pou Yuen
    /// Viet Nam" and "Pou Yuen Vietnam" compare equal. In a name the country is part of the name, so it stays, as its code.
    /// </summary>
    public static string[] WithCountryAsCode(string[] tokens, string countryCode) => ReplaceCountry(tokens, countryCode, countryCode.ToLowerInvariant());

    private static string[] ReplaceCountry(string[] tokens, string countryCode, string? replacement)
    {
        List<string>? kept = null;
        var end = tokens.Length;
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            var length = CountryLengthEndingAt(tokens, i, countryCode, isLast: i == end - 1 || (i == end - 2 && FacilityNormaliser.IsPostcode(tokens[end - 1])));
            if (length > 0)
            {
                kept ??= [.. tokens];
                kept.RemoveRange(i - length + 1, length);
                if (replacement is not null)
                {
                    kept.Insert(i - length + 1, replacement);
                }

                i -= length - 1;
            }
        }

        return kept is null ? tokens : [.. kept];
    }

    private static int CountryLengthEndingAt(string[] tokens, int end, string countryCode, bool isLast)
    {
        for (var length = CountryNames.EndsAName(tokens[end]) ? Math.Min(4, end + 1) : 0; length >= 1; length--)
        {
            if (CountryNames.Names(countryCode, tokens.AsSpan(end - length + 1, length)))
            {
                return length;
            }
        }

        // A bare code counts only where a country stands, at the end: "in", "ind" elsewhere are words.
        return isLast && tokens[end].Length is 2 or 3 && CountryNames.Lookup(tokens[end]) is [var code] && code == countryCode ? 1 : 0;
    }
}
