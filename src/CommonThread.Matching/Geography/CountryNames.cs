using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CommonThread.Matching.Geography;

/// <summary>
/// Every spelling of every country we accept, built once: ISO alpha-2 and alpha-3 codes, ICU's English name, the native
/// name of each of the country's cultures (বাংলাদেশ, Việt Nam, Türkiye…) and the curated <see cref="CountryAliases"/>.
/// A spelling that leads to two countries is kept as ambiguous, so it is refused rather than guessed.
/// </summary>
public static partial class CountryNames
{
    private static readonly Lazy<Index> Built = new(Build);

    /// <summary>The ISO 3166-1 alpha-2 codes we know (and XK), in the order of the curated table.</summary>
    public static IReadOnlyList<string> Codes => Built.Value.Codes;

    public static bool IsCode(string code) => Built.Value.CodeSet.Contains(code);

    /// <summary>The countries a text may mean: none when unknown, one when it is clear, several when it is ambiguous.</summary>
    /// <remarks>
    /// A code counts only as written (two or three letters): folded, "n/a" would otherwise be Namibia's NA.
    /// </remarks>
    public static IReadOnlyList<string> Lookup(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 2 or 3 && Built.Value.ByCode.TryGetValue(trimmed.ToUpperInvariant(), out var coded))
        {
            return [coded];
        }

        foreach (var candidate in Readings(trimmed))
        {
            if (Built.Value.ByKey.TryGetValue(Key(candidate), out var codes))
            {
                return codes;
            }
        }

        return [];
    }

    /// <summary>
    /// True when the folded words (as <see cref="TextFolding"/> gives them) spell one of this country's names: "viet nam",
    /// "bangladesh", "myanmar". Cheap for words that end no country's name, so an address can be searched word by word.
    /// </summary>
    public static bool Names(string countryCode, ReadOnlySpan<string> words)
    {
        if (words.Length == 0 || !Built.Value.LastWords.Contains(words[^1]))
        {
            return false;
        }

        var key = Key(string.Join(' ', words.ToArray()));
        return Built.Value.ByKey.TryGetValue(key, out var codes) && codes.Length == 1 && codes[0] == countryCode;
    }

    /// <summary>Whether a folded word is the last word of some country's name: most address words are not, and need no more look.</summary>
    public static bool EndsAName(string word) => Built.Value.LastWords.Contains(word);

    /// <summary>All keys that lead to more than one country; specs hold it to the documented list.</summary>
    public static IEnumerable<(string Key, string[] Codes)> AmbiguousKeys() =>
        Built.Value.ByKey.Where(p => p.Value.Length > 1).Select(p => (p.Key, p.Value));

    /// <summary>
    /// The text as written first, then the "Korea, Republic of" / "Iran (Islamic Republic of)" inversion, then the name
    /// without its parenthesis ("Myanmar (Burma)" → Myanmar): the first reading that names a country decides.
    /// </summary>
    private static IEnumerable<string> Readings(string text)
    {
        yield return text;
        if (CommaInversion().Match(text) is { Success: true } comma)
        {
            yield return $"{comma.Groups["form"].Value} {comma.Groups["name"].Value}";
        }

        if (Parenthesised().Match(text) is { Success: true } brackets)
        {
            yield return $"{brackets.Groups["form"].Value} {brackets.Groups["name"].Value}";
            yield return brackets.Groups["name"].Value;
        }
    }

    /// <summary>
    /// Case, accents, punctuation and spaces go (TextFolding, the matcher's folding, so "U.S.A." is "usa" and
    /// "Côte d’Ivoire" is "cotedivoire"); so do "the" and "of", which lists drop or add at will; "St." is "Saint".
    /// </summary>
    /// <remarks>A single word is never expanded: "ST" is São Tomé's code, not "Saint".</remarks>
    public static string Key(string text)
    {
        var words = TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 ? words[0]
            : string.Concat(words.Where(word => word is not ("the" or "of")).Select(word => Abbreviations.GetValueOrDefault(word, word)));
    }

    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["st"] = "saint", ["ste"] = "sainte", ["rep"] = "republic", ["dem"] = "democratic", ["fed"] = "federal",
    }.ToFrozenDictionary();

    [GeneratedRegex(@"^(?<name>[^,()]+),\s*(?<form>[^,()]+)$")]
    private static partial Regex CommaInversion();

    [GeneratedRegex(@"^(?<name>[^()]+?)\s*\((?<form>[^()]+)\)$")]
    private static partial Regex Parenthesised();

    private sealed record Index(IReadOnlyList<string> Codes, FrozenSet<string> CodeSet, FrozenDictionary<string, string> ByCode, FrozenDictionary<string, string[]> ByKey, FrozenSet<string> LastWords);

    private static Index Build()
    {
        var byKey = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var lastWords = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string code)
        {
            var key = Key(name);
            if (TextFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last])
            {
                lastWords.Add(last);
            }

            if (key.Length > 0)
            {
                (byKey.TryGetValue(key, out var codes) ? codes : byKey[key] = new(StringComparer.Ordinal)).Add(code);
            }
        }

        var codes = new List<string>();
        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, aliases) in Lines(CountryAliases.Table))
        {
            codes.Add(code);
            byCode.Add(code, code);
            aliases.ForEach(alias => Add(alias, code));
            if (Region(code) is { } region && region.TwoLetterISORegionName == code)
            {
                byCode.Add(region.ThreeLetterISORegionName.ToUpperInvariant(), code);
                Add(region.EnglishName, code);
            }
        }

        var known = codes.ToFrozenSet(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            if (Region(culture.Name) is { } region && known.Contains(region.TwoLetterISORegionName))
            {
                Add(region.NativeName, region.TwoLetterISORegionName);
            }
        }

        foreach (var (name, meanings) in Lines(CountryAliases.Ambiguous))
        {
            meanings.SelectMany(m => m.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList().ForEach(code => Add(name, code));
        }

        return new(codes, known, byCode.ToFrozenDictionary(StringComparer.Ordinal), byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            lastWords.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>"VN: Viet Nam; Vietnam" → ("VN", ["Viet Nam", "Vietnam"]).</summary>
    private static IEnumerable<(string Head, List<string> Items)> Lines(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0], parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()));

    private static RegionInfo? Region(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
