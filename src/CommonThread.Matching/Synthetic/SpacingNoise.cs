namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Names whose words are spaced differently from the registry's: two words run together or one word split.
/// Lists typed from business cards, trade licences and transliterations disagree on where a word ends
/// ("Rahim Afroz" / "RahimAfroz" / "Rahimafroz", "Kanlovin" / "Kan Lovin"), and field lists do it to
/// addresses too ("Plot12", "EastRoad"). Half the rows are such copies of a registry facility; the other half
/// are look-alikes (another distinctive word, another address) spaced the same way, which must not link.
/// </summary>
public static class SpacingNoise
{
    public static NoiseLine RunTogether(SyntheticFacilities data, IReadOnlyList<FacilityRecord> registry, int count, int seed = 181) =>
        Line("run-together words", data, registry, count, seed, (record, random) => record with
        {
            Name = JoinTwo(record.Name, random),
            // A third of the lists also run the address's words together.
            Address = random.Next(3) == 0 ? JoinTwo(record.Address, random) : record.Address,
        });

    public static NoiseLine Split(SyntheticFacilities data, IReadOnlyList<FacilityRecord> registry, int count, int seed = 182) =>
        Line("split words", data, registry, count, seed, (record, random) => record with { Name = SplitOne(record.Name, random) });

    private static NoiseLine Line(string label, SyntheticFacilities data, IReadOnlyList<FacilityRecord> registry, int count, int seed,
        Func<FacilityRecord, Random, FacilityRecord> noise)
    {
        var random = new Random(seed);
        var rows = new List<LabelledRow>(count);
        for (var i = 0; i < count; i++)
        {
            var source = registry[random.Next(registry.Count)];
            var id = $"{label[..3]}{i}";
            rows.Add(i % 2 == 0
                ? new(noise(source with { Id = id, OsId = null }, random), source.Id)
                : new(noise(data.LookAlike(source, id), random), null));
        }

        return new(label, [], rows);
    }

    /// <summary>Two adjacent words of the text's first part joined; the second keeps its capital or not, as typists do.</summary>
    internal static string JoinTwo(string text, Random random)
    {
        var words = text.Split(' ');
        var pairs = Enumerable.Range(0, words.Length - 1)
            .Where(i => IsWord(words[i]) && IsWord(words[i + 1]) && !words[i].EndsWith(',') && !IsLegalForm(words[i + 1]))
            .ToList();
        if (pairs.Count == 0)
        {
            return text;
        }

        var at = pairs[random.Next(pairs.Count)];
        var second = random.Next(2) == 0 ? words[at + 1] : words[at + 1].ToLowerInvariant();
        return string.Join(' ', [.. words[..at], words[at] + second, .. words[(at + 2)..]]);
    }

    /// <summary>One word of six letters or more split in two, at least two letters each side.</summary>
    internal static string SplitOne(string name, Random random)
    {
        var words = name.Split(' ');
        var trades = SyntheticFacilities.Trades;
        // Proper names split far more often than trade words ("Kan Lovin", rarely "Gar ments").
        var long6 = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 6 && words[i].All(char.IsLetter)).ToList();
        var proper = long6.Where(i => !trades.Contains(words[i])).ToList();
        var choices = proper.Count > 0 ? proper : long6;
        if (choices.Count == 0)
        {
            return name;
        }

        var w = choices[random.Next(choices.Count)];
        var cut = random.Next(2, words[w].Length - 1);
        var tail = words[w][cut..];
        words[w] = $"{words[w][..cut]} {(random.Next(2) == 0 ? SyntheticFacilities.Capitalised(tail) : tail)}";
        return string.Join(' ', words);
    }

    private static bool IsWord(string word) => word.TrimEnd(',').Length > 0 && word.TrimEnd(',').All(char.IsLetterOrDigit);

    private static bool IsLegalForm(string word) => SyntheticFacilities.LegalForms.Any(f => f.Split(' ')[0] == word.TrimEnd(','));
}
