namespace CommonThread.Matching;

/// <summary>
/// Takes what numbers a facility among its sisters out of its name: "Zaber Knit Unit 2", "Zaber Knit-2", "Unit II",
/// "Factory No. 3", "MXP5", "Block B", "Cutting Section". Numbered units of one group usually share a name and an address,
/// so the rest of the name cannot tell them apart: the numbers are compared on their own, and two different numbers
/// mean two facilities however alike the rest is.
/// </summary>
internal static class UnitNumbers
{
    // Words that label a unit with what follows them ("unit 2", "factory b"); "no" and "nr" are read as "number".
    private static readonly HashSet<string> Labels =
    [
        "unit", "units", "factory", "plant", "shed", "block", "blk", "branch", "building", "bldg", "mill", "hall", "line", "floor",
        "fl", "flr", "level", "phase", "wing", "section", "sec", "division", "div", "dept", "department", "site", "workshop",
        "warehouse", "annex", "extension", "no", "nr", "number", "planta", "fabrica", "usine", "werk", "subesi", "sube", "chinhanh",
    ];

    // Labels that make the word before them a section ("cutting section", "sewing unit"); "dyeing branch 3" is branch 3.
    private static readonly HashSet<string> SectionLabels = ["section", "sec", "unit", "department", "dept", "division", "div", "line", "hall", "floor"];

    // Words a production section is named by, when a label follows them ("cutting section", "sewing unit").
    private static readonly HashSet<string> Sections =
    [
        "cutting", "sewing", "stitching", "washing", "dyeing", "printing", "finishing", "spinning", "weaving", "knitting", "packing",
        "embroidery", "laundry", "ironing", "checking",
    ];

    private static readonly Dictionary<string, string> Numerals = new()
    {
        ["i"] = "1", ["ii"] = "2", ["iii"] = "3", ["iv"] = "4", ["v"] = "5", ["vi"] = "6", ["vii"] = "7", ["viii"] = "8", ["ix"] = "9",
        ["x"] = "10", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["first"] = "1", ["second"] = "2", ["third"] = "3",
    };

    // Roman numerals that are never words of a name, so they count wherever they stand ("Zaber Knit II").
    private static readonly HashSet<string> UnmistakableNumerals = ["ii", "iii", "iv", "vi", "vii", "viii", "ix"];

    /// <summary>The name's words without its unit numbers and their labels, and the unit numbers, sorted.</summary>
    public static (string[] Words, string[] Units) Separate(IReadOnlyList<string> tokens)
    {
        List<string>? units = null;
        var words = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var labelled = i > 0 && Labels.Contains(tokens[i - 1]);
            if (Unit(token, labelled) is { } unit)
            {
                (units ??= []).Add(unit);
                // "unit", "factory no" say nothing once their number is taken.
                while (labelled && words.Count > 0 && Labels.Contains(words[^1]))
                {
                    words.RemoveAt(words.Count - 1);
                }

                // "No. 2 Plant", "2nd Unit": a label after the number goes too.
                if (i + 1 < tokens.Count && Labels.Contains(tokens[i + 1]))
                {
                    i++;
                }

                continue;
            }

            if (Sections.Contains(token) && i + 1 < tokens.Count && SectionLabels.Contains(tokens[i + 1])
                && (i + 2 >= tokens.Count || (Unit(tokens[i + 2], true) is null && !Labels.Contains(tokens[i + 2]))))
            {
                (units ??= []).Add(token);
                i++; // "cutting section": the section word is the unit, its label goes with it
                continue;
            }

            words.Add(token);
        }

        if (units is null)
        {
            return ([.. tokens], []);
        }

        units.Sort(StringComparer.Ordinal);
        // A name that was only a unit ("Unit 2") keeps its words, so it still has something to compare.
        return (words.Count > 0 ? [.. words] : [.. tokens], [.. units]);
    }

    // In an address only these labels number a facility; "no 12", "block c", "building 5" name plots and areas, and a
    // floor is not one: lists disagree on floors, and a tenant that takes another floor is still the same facility.
    private static readonly HashSet<string> AddressLabels = ["unit", "shed", "factory", "plant"];

    /// <summary>"shed 3", "unit 2b", "3rd plant" in an address → "shed:3", "unit:2b", "plant:3": compared only label to label.</summary>
    public static string[] InAddress(IReadOnlyList<string> tokens)
    {
        List<string>? units = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!AddressLabels.Contains(tokens[i]))
            {
                continue;
            }

            var label = tokens[i];
            var number = i + 1 < tokens.Count ? Unit(tokens[i + 1], labelled: true) : null;
            number ??= i > 0 && tokens[i - 1].Any(char.IsAsciiDigit) ? Unit(tokens[i - 1], labelled: false) : null; // "3rd plant"
            if (number is not null)
            {
                (units ??= []).Add($"{label}:{number}");
            }
        }

        return units is null ? [] : [.. units.Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether two sides number the same unit: the same numbers, or a code written apart on one side ("AKY 3" in the name,
    /// unit 3) and together on the other (AKY3).
    /// </summary>
    public static bool Same(NormalisedFacility a, NormalisedFacility b) =>
        a.Units.AsSpan().SequenceEqual(b.Units) || Joined(a, b).SequenceEqual(Joined(b, a));

    private static IEnumerable<string> Joined(NormalisedFacility side, NormalisedFacility other) =>
        side.Units.Select(u => u.All(char.IsAsciiDigit) && side.NameTokens.FirstOrDefault(w => w.Length is >= 2 and <= 4 && other.Units.Contains(w + u)) is { } code ? code + u : u)
            .Order(StringComparer.Ordinal);

    /// <summary>A Roman numeral's value (i … xxxix), or null: what follows a unit label is read as one.</summary>
    private static int? Roman(string token)
    {
        var tens = token.TakeWhile(c => c == 'x').Count();
        var rest = token[tens..];
        return tens is >= 1 and <= 3 && (rest.Length == 0 || (Numerals.TryGetValue(rest, out var units) && rest.All(c => c is 'i' or 'v' or 'x')))
            ? (tens * 10) + (rest.Length == 0 ? 0 : int.Parse(Numerals[rest], System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The unit a token numbers: "2", "02", "2nd", "unit2" → 2; "mxp5" stays whole; a letter or numeral only after a label.</summary>
    private static string? Unit(string token, bool labelled)
    {
        if (token.Any(char.IsAsciiDigit))
        {
            var letters = token.TrimEnd("0123456789".ToCharArray());
            var digits = token[letters.Length..];
            if (letters.Length == 0)
            {
                return digits.TrimStart('0') is { Length: > 0 } number ? number : "0";
            }

            if (digits.Length > 0 && Labels.Contains(letters))
            {
                return digits.TrimStart('0') is { Length: > 0 } number ? number : "0"; // "unit2"
            }

            var ordinal = token.TrimStart("0123456789".ToCharArray());
            return ordinal is "st" or "nd" or "rd" or "th" ? token[..^2].TrimStart('0')
                : digits.Length > 0 && digits.TrimStart('0') is { Length: > 0 } trimmed ? letters + trimmed // "mxp05" → mxp5
                : token;
        }

        if (UnmistakableNumerals.Contains(token) || (labelled && Numerals.ContainsKey(token)))
        {
            return Numerals[token];
        }

        if (labelled && Roman(token) is { } roman)
        {
            return roman.ToString(System.Globalization.CultureInfo.InvariantCulture); // "Unit XIV"
        }

        return labelled && token.Length == 1 && char.IsLetter(token[0]) ? token : null;
    }
}
