namespace CommonThread.Matching;

/// <summary>A facility reduced to the words that identify it.</summary>
public sealed record NormalisedFacility(string Id, string CountryCode, string[] NameTokens, string[] AddressTokens, string? OsId);

/// <summary>
/// Turns names and addresses into comparable word lists: legal-form words dropped (Ltd, Pvt,
/// Co., GmbH, PT, Tbk…), street-word abbreviations expanded (Rd → road), postcodes kept apart.
/// </summary>
public static class FacilityNormaliser
{
    // Words that say what kind of legal person it is (or join words), not which one. Compared after folding.
    private static readonly HashSet<string> NoiseWords =
    [
        "ltd", "limited", "pvt", "private", "plc", "llc", "inc", "incorporated", "corp", "corporation", "co", "company",
        "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy", "as", "aps", "sl", "sp", "zoo",
        "jsc", "ojsc", "cjsc", "pt", "tbk", "cv", "sdn", "bhd", "pte", "pty", "ltda", "sac", "as", "anonim", "sirketi",
        "sti", "tic", "san", "ve", "and", "the", "of", "joint", "stock", "holding", "holdings", "group",
    ];

    private static readonly Dictionary<string, string> StreetWords = new()
    {
        ["rd"] = "road", ["st"] = "street", ["str"] = "street", ["ave"] = "avenue", ["av"] = "avenue", ["blvd"] = "boulevard",
        ["hwy"] = "highway", ["ln"] = "lane", ["dr"] = "drive", ["sq"] = "square", ["ct"] = "court", ["pl"] = "place",
        ["sec"] = "sector", ["sect"] = "sector", ["dist"] = "district", ["ind"] = "industrial", ["indl"] = "industrial",
        ["est"] = "estate", ["bldg"] = "building", ["fl"] = "floor", ["flr"] = "floor", ["no"] = "", ["nr"] = "",
        ["po"] = "", ["box"] = "", ["duong"] = "street", ["jl"] = "jalan", ["jln"] = "jalan", ["cad"] = "caddesi", ["sok"] = "sokak",
        ["mah"] = "mahallesi", ["hn"] = "hanoi", ["hcm"] = "hochiminh",
    };

    private static readonly Dictionary<string, string> NameWords = new()
    {
        ["intl"] = "international", ["natl"] = "national", ["mfg"] = "manufacturing", ["inds"] = "industries", ["ind"] = "industries",
        ["gmts"] = "garments", ["gmt"] = "garments", ["tex"] = "textiles", ["textile"] = "textiles", ["apparels"] = "apparel",
        ["garment"] = "garments", ["knits"] = "knit", ["knitting"] = "knit", ["knitwears"] = "knitwear", ["fashions"] = "fashion",
    };

    public static NormalisedFacility Normalise(FacilityRecord record) =>
        new(record.Id, record.CountryCode.Trim().ToUpperInvariant(), NameTokens(record.Name), AddressTokens(record.Address),
            string.IsNullOrWhiteSpace(record.OsId) ? null : record.OsId.Trim().ToUpperInvariant());

    public static string[] NameTokens(string? name)
    {
        var tokens = Split(name).Where(t => !NoiseWords.Contains(t))
            .Select(t => NameWords.GetValueOrDefault(t, t))
            .ToArray();
        // A name made only of legal words ("The Company Ltd") keeps them rather than becoming empty.
        return tokens.Length > 0 ? tokens : Split(name);
    }

    public static string[] AddressTokens(string? address) =>
        Split(address).Select(t => StreetWords.TryGetValue(t, out var expanded) ? expanded : t).Where(t => t.Length > 0).ToArray();

    /// <summary>A token that is only a postcode: 4 to 6 digits. Missing on one side, it says nothing.</summary>
    public static bool IsPostcode(string token) => token.Length is >= 4 and <= 6 && token.All(char.IsAsciiDigit);

    private static string[] Split(string? text) => TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
