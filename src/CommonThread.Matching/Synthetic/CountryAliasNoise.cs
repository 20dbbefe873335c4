using CommonThread.Matching.Geography;

namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Country names as lists write them: appended to the address ("…, Bangladesh", "…, Viet Nam", "…, Myanmar (Burma)",
/// "…, BD") and in the country column as a name or alias instead of the ISO code. Buyers export addresses with the
/// country as their last line, and their country columns hold whatever their system printed. The country column is
/// resolved with <see cref="CountryNames.Lookup"/> as the importer does; a cell it refuses leaves the row without a
/// country (the importer would refuse the row). Half the rows are copies of registry facilities, half look-alikes.
/// </summary>
public static class CountryAliasNoise
{
    // Per country the spellings seen in lists: ISO and UN names, short forms, local names, codes.
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["BD"] = ["Bangladesh", "BD", "BGD", "People's Republic of Bangladesh", "বাংলাদেশ", "BANGLADESH"],
        ["KH"] = ["Cambodia", "Kingdom of Cambodia", "KHM", "Kampuchea", "កម្ពុជា"],
        ["CN"] = ["China", "People's Republic of China", "PRC", "P.R. China", "中国", "CHN", "China, People's Republic of"],
        ["ET"] = ["Ethiopia", "Federal Democratic Republic of Ethiopia", "ETH", "ኢትዮጵያ"],
        ["IN"] = ["India", "Republic of India", "IND", "Bharat", "भारत"],
        ["ID"] = ["Indonesia", "Republic of Indonesia", "IDN", "Republik Indonesia"],
        ["MM"] = ["Myanmar", "Myanmar (Burma)", "Burma", "MMR", "Republic of the Union of Myanmar"],
        ["PK"] = ["Pakistan", "Islamic Republic of Pakistan", "PAK"],
        ["LK"] = ["Sri Lanka", "SriLanka", "LKA", "Democratic Socialist Republic of Sri Lanka"],
        ["TR"] = ["Türkiye", "Turkey", "Turkiye", "TUR", "Republic of Türkiye", "TÜRKİYE"],
        ["VN"] = ["Viet Nam", "Vietnam", "Việt Nam", "VNM", "Socialist Republic of Viet Nam", "VIETNAM"],
        ["MX"] = ["Mexico", "México", "MEX", "United Mexican States", "Estados Unidos Mexicanos"],
        ["GT"] = ["Guatemala", "GTM", "Republic of Guatemala"],
        ["HN"] = ["Honduras", "HND", "Republic of Honduras"],
        ["MA"] = ["Morocco", "Maroc", "MAR", "Kingdom of Morocco", "المغرب"],
        ["TN"] = ["Tunisia", "Tunisie", "TUN", "Republic of Tunisia", "تونس"],
        ["EG"] = ["Egypt", "Arab Republic of Egypt", "EGY", "مصر"],
        ["JO"] = ["Jordan", "Hashemite Kingdom of Jordan", "JOR", "الأردن"],
        ["PH"] = ["Philippines", "the Philippines", "PHL", "Republic of the Philippines", "Pilipinas"],
        ["TH"] = ["Thailand", "Kingdom of Thailand", "THA", "ประเทศไทย", "Siam"],
    };

    public static NoiseLine Make(SyntheticFacilities data, IReadOnlyList<FacilityRecord> registry, int count, int seed = 187)
    {
        var random = new Random(seed);
        var rows = new List<LabelledRow>(count);
        for (var i = 0; i < count; i++)
        {
            var source = registry[random.Next(registry.Count)];
            var row = i % 2 == 0 ? data.Noisy(source, $"cty{i}") : data.LookAlike(source, $"cty{i}");
            rows.Add(new(WithAliases(row, random), i % 2 == 0 ? source.Id : null));
        }

        return new("country aliases", [], rows);
    }

    /// <summary>The row with its country appended to the address (usually) and its country column written as an alias.</summary>
    public static FacilityRecord WithAliases(FacilityRecord row, Random random)
    {
        var names = Aliases.GetValueOrDefault(row.CountryCode, [row.CountryCode]);
        var address = random.Next(5) == 0 ? row.Address : $"{row.Address}, {names[random.Next(names.Length)]}";
        var column = names[random.Next(names.Length)];
        return row with { Address = address, CountryCode = CountryNames.Lookup(column) is [var code] ? code : "" };
    }

    /// <summary>Every alias the generator writes and what <see cref="CountryNames.Lookup"/> makes of it, for the benchmark's note.</summary>
    public static IEnumerable<(string Alias, string Expected, IReadOnlyList<string> Found)> Check() =>
        Aliases.SelectMany(p => p.Value.Select(a => (a, p.Key, CountryNames.Lookup(a))));
}
