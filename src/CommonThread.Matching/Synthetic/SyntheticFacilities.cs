namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Deterministic made-up facilities and noisy copies of them, for the matcher's tests and benchmark:
/// names from generated syllable words plus a trade word and a legal form, addresses with plot and
/// road numbers, an area, a city and a postcode. Not real places.
/// </summary>
public sealed class SyntheticFacilities(int seed)
{
    private static readonly string[] Countries = ["BD", "KH", "CN", "ET", "IN", "ID", "MM", "PK", "LK", "TR", "VN", "MX", "GT", "HN", "MA", "TN", "EG", "JO", "PH", "TH"];
    private static readonly string[] Syllables = ["ra", "ha", "me", "kan", "sun", "lo", "ti", "ba", "dor", "mi", "sa", "vin", "to", "an", "ker", "lu", "pa", "ron", "zi", "no", "ma", "ge", "hu", "tan", "li", "bo", "ar", "ven", "ku", "sel"];
    internal static readonly string[] Trades = ["Garments", "Knitwear", "Apparel", "Textiles", "Fashion", "Denim", "Sweaters", "Composite", "Knit", "Dyeing", "Washing", "Sportswear", "Outerwear", "Embroidery", "Clothing"];
    internal static readonly string[] LegalForms = ["Ltd", "Limited", "Pvt Ltd", "Co., Ltd", "Company Limited", "Inc", "PT", "JSC", "Sdn Bhd", ""];
    private static readonly string[] StreetKinds = ["Road", "Street", "Avenue", "Lane", "Highway"];
    private static readonly Dictionary<string, string> Abbreviations = new() { ["Road"] = "Rd.", ["Street"] = "St", ["Avenue"] = "Ave", ["Lane"] = "Ln", ["Highway"] = "Hwy" };

    private readonly Random random = new(seed);

    // A small pool of common first words, so that many unrelated facilities share a word as real
    // names do ("Rahman …", "Square …"); the second word is drawn freely and rarely repeats.
    private readonly string[] commonWords = MakeCommonWords(seed);

    public static IReadOnlyList<string> CountryCodes => Countries;

    public FacilityRecord Facility(string id, string? country = null)
    {
        var name = $"{Pick(commonWords)} {Word(2, 3)} {Pick(Trades)} {Pick(LegalForms)}".Trim();
        return new(id, name, Address(), country ?? Pick(Countries));
    }

    /// <summary>
    /// A hard negative: the source's name with its distinctive second word swapped for another, at another
    /// address — the same common word, trade and legal form, as unrelated firms in one district often share.
    /// </summary>
    public FacilityRecord LookAlike(FacilityRecord source, string id)
    {
        var words = source.Name.Split(' ');
        var at = words.Length > 2 ? 1 : 0;
        words[at] = FarFrom(words[at]);
        return new(id, string.Join(' ', words), Address(), source.CountryCode);
    }

    /// <summary>Local-script names drawn so far, shared by every list made from this generator so none repeats another's.</summary>
    internal HashSet<string> LocalNamesDrawn { get; } = new(StringComparer.Ordinal);

    /// <summary>Initials-and-name combinations drawn so far (<see cref="SpacedLetters"/>), so a look-alike is never a registered twin.</summary>
    internal HashSet<string> InitialsDrawn { get; } = new(StringComparer.Ordinal);

    // Building blocks for the other noise kinds (Synthetic/*), drawn from this generator's one seeded sequence.
    internal string FreshWord() => Word(2, 3);

    /// <summary>
    /// A fresh word at least three edits from the given one: a hard negative must not differ by what a typo could do
    /// (the base noise makes one-letter typos and calls them the same facility).
    /// </summary>
    internal string FarFrom(string word)
    {
        var fresh = FreshWord();
        while (EditDistance(fresh.ToLowerInvariant(), word.ToLowerInvariant()) < 3)
        {
            fresh = FreshWord();
        }

        return fresh;
    }

    internal static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    internal string CommonWord() => Pick(commonWords);

    internal string Trade() => Pick(Trades);

    internal string LegalForm() => Pick(LegalForms);

    internal string NewAddress() => Address();

    internal string Country() => Pick(Countries);

    internal int Next(int min, int max) => random.Next(min, max);

    /// <summary>The name without its trailing legal form ("Raha Sunlo Knit Pvt Ltd" → "Raha Sunlo Knit").</summary>
    internal static string WithoutLegalForm(string name) =>
        LegalForms.Where(f => f.Length > 0).OrderByDescending(f => f.Length)
            .Aggregate(name, (n, form) => n.EndsWith(" " + form, StringComparison.Ordinal) ? n[..^(form.Length + 1)] : n);

    /// <summary>Street abbreviations as lists write them (Road → Rd.), the postcode sometimes left off.</summary>
    internal string AddressNoise(string address) => random.Next(3) switch
    {
        0 => Abbreviate(address),
        1 => DropPostcode(address),
        _ => address,
    };

    /// <summary>
    /// Facilities of which 5% are a group's second factory: the same name in the same country at
    /// another address, the case only the address can settle.
    /// </summary>
    public List<FacilityRecord> Registry(int count)
    {
        var registry = new List<FacilityRecord>(count);
        for (var i = 0; i < count; i++)
        {
            registry.Add(i > 0 && random.NextDouble() < 0.05 && registry[random.Next(i)] is var sister
                ? sister with { Id = $"R{i}", Address = Address(), OsId = null }
                : Facility($"R{i}"));
        }

        return registry;
    }

    private string Address() =>
        $"Plot {random.Next(1, 400)}, {Pick(StreetKinds)} {random.Next(1, 60)}, {Word(2, 3)} {Pick(["Area", "Nagar", "Zone", "Ward"])}, {Word(2, 2)} City {random.Next(1000, 99999)}";

    private static string[] MakeCommonWords(int seed)
    {
        var words = new Random(seed + 1);
        return Enumerable.Range(0, 600).Select(_ => Word(words, 2, 2)).Distinct().ToArray();
    }

    /// <summary>A copy of the facility as another list might spell it: one or two kinds of noise.</summary>
    public FacilityRecord Noisy(FacilityRecord source, string id)
    {
        var name = source.Name;
        var address = source.Address;
        var kinds = Enumerable.Range(0, 6).OrderBy(_ => random.Next()).Take(random.Next(1, 3));
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case 0: name = Typo(name); break;
                case 1: name = Reorder(name); break;
                case 2: address = Abbreviate(address); break;
                case 3: name = ChangeLegalForm(name); break;
                case 4: address = DropPostcode(address); break;
                default: name = name.ToUpperInvariant().Replace(",", "", StringComparison.Ordinal); break;
            }
        }

        return new(id, name, address, source.CountryCode);
    }

    private string Typo(string text)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5).ToList();
        if (candidates.Count == 0)
        {
            return text;
        }

        var w = candidates[random.Next(candidates.Count)];
        var chars = words[w].ToCharArray().ToList();
        var at = random.Next(1, chars.Count - 1);
        switch (random.Next(3))
        {
            case 0: chars.RemoveAt(at); break;
            case 1: chars[at] = (char)('a' + random.Next(26)); break;
            default: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
        }

        words[w] = new string([.. chars]);
        return string.Join(' ', words);
    }

    private string Reorder(string text)
    {
        var words = text.Split(' ');
        return words.Length < 2 ? text : string.Join(' ', [words[1], words[0], .. words.Skip(2)]);
    }

    private static string Abbreviate(string address) =>
        Abbreviations.Aggregate(address, (a, pair) => a.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    private string ChangeLegalForm(string name) => $"{WithoutLegalForm(name)} {Pick(LegalForms)}".Trim();

    private static string DropPostcode(string address)
    {
        var cut = address.LastIndexOf(' ');
        return cut > 0 && address[(cut + 1)..].All(char.IsAsciiDigit) ? address[..cut] : address;
    }

    internal static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private string Word(int minSyllables, int maxSyllables) => Word(random, minSyllables, maxSyllables);

    private static string Word(Random random, int minSyllables, int maxSyllables)
    {
        var count = random.Next(minSyllables, maxSyllables + 1);
        var word = string.Concat(Enumerable.Range(0, count).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
