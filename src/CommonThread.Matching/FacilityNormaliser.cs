namespace CommonThread.Matching;

/// <summary>A facility reduced to the words that identify it.</summary>
public sealed record NormalisedFacility(string Id, string CountryCode, string[] NameTokens, string[] AddressTokens, string? OsId)
{
    /// <summary>The numbers that tell the facility from its sister units ("Unit 2" → 2), sorted; not among <see cref="NameTokens"/>.</summary>
    public string[] Units { get; init; } = [];

    /// <summary>Units the address numbers, with their label: "shed:3", "unit:5".</summary>
    public string[] AddressUnits { get; init; } = [];

    /// <summary>The name's words without spaces, for names whose words are spaced differently.</summary>
    public string Spelled { get; init; } = "";
}

/// <summary>
/// Turns names and addresses into comparable word lists: legal forms dropped (Ltd, Pvt, Co., GmbH,
/// PT, Tbk, S.A. de C.V., d.o.o., 有限公司… see <see cref="LegalForms"/>), street-word abbreviations expanded (Rd → road), postcodes kept apart.
/// </summary>
public static class FacilityNormaliser
{
    private static readonly Dictionary<string, string> StreetWords = new()
    {
        ["rd"] = "road", ["st"] = "street", ["str"] = "street", ["ave"] = "avenue", ["av"] = "avenue", ["blvd"] = "boulevard",
        ["hwy"] = "highway", ["ln"] = "lane", ["dr"] = "drive", ["sq"] = "square", ["ct"] = "court", ["pl"] = "place",
        ["sec"] = "sector", ["sect"] = "sector", ["dist"] = "district", ["ind"] = "industrial", ["indl"] = "industrial",
        ["est"] = "estate", ["bldg"] = "building", ["fl"] = "floor", ["flr"] = "floor", ["no"] = "", ["nr"] = "",
        ["po"] = "", ["box"] = "", ["duong"] = "street", ["jl"] = "jalan", ["jln"] = "jalan", ["cad"] = "caddesi", ["sok"] = "sokak",
        ["mah"] = "mahallesi", ["hn"] = "hanoi", ["hcm"] = "hochiminh", ["hcmc"] = "hochiminh",
        // Zones and estates lists write either way; expanded so "EPZ" meets "Export Processing Zone".
        ["epz"] = "export processing zone", ["sez"] = "special economic zone", ["ftz"] = "free trade zone", ["fz"] = "free zone",
        ["depz"] = "dhaka export processing zone", ["cepz"] = "chittagong export processing zone", ["aepz"] = "adamjee export processing zone",
        ["kepz"] = "karnaphuli export processing zone", ["mepz"] = "mongla export processing zone", ["iepz"] = "ishwardi export processing zone",
        ["uepz"] = "uttara export processing zone", ["bepza"] = "bangladesh export processing zones authority", ["chattogram"] = "chittagong",
        ["kcn"] = "industrial zone", ["kcx"] = "export processing zone", ["ccn"] = "industrial cluster", ["osb"] = "organize sanayi bolgesi",
        ["iz"] = "industrial zone", ["ip"] = "industrial park", ["ie"] = "industrial estate", ["ia"] = "industrial area",
        ["phuong"] = "ward", ["quan"] = "district", ["huyen"] = "district", ["tinh"] = "province", ["carr"] = "carretera",
        ["karayolu"] = "highway", ["avenida"] = "avenue", ["calle"] = "street",
        ["midc"] = "maharashtra industrial development corporation", ["sidco"] = "small industries development corporation",
        ["bscic"] = "bangladesh small and cottage industries corporation", ["gurugram"] = "gurgaon", ["bengaluru"] = "bangalore",
        ["kab"] = "kabupaten", ["kec"] = "kecamatan",
    };

    // Phrases several words long that lists write in the local language or in English.
    private static readonly (string[] Words, string Replacement)[] AddressPhrases =
    [
        (["khu", "cong", "nghiep"], "industrial zone"), (["khu", "che", "xuat"], "export processing zone"), (["cum", "cong", "nghiep"], "industrial cluster"),
        (["quoc", "lo"], "national road"), (["thi", "tran"], "town"), (["zona", "franca"], "free zone"),
    ];

    // "Industrial park", "industrial estate", "industrial area" and "industrial zone" name the same kind of place.
    private static readonly HashSet<string> IndustrialPlaces = ["park", "estate", "area", "zone", "district", "city"];

    private static readonly Dictionary<string, string> NameWords = new()
    {
        ["intl"] = "international", ["natl"] = "national", ["mfg"] = "manufacturing", ["inds"] = "industries", ["ind"] = "industries",
        ["gmts"] = "garments", ["gmt"] = "garments", ["tex"] = "textiles", ["textile"] = "textiles", ["apparels"] = "apparel",
        ["garment"] = "garments", ["knits"] = "knit", ["knitting"] = "knit", ["knitwears"] = "knitwear", ["fashions"] = "fashion",
        // Vietnamese trade words, since Vietnamese lists write "May Việt Tiến" and others "Viet Tien Garment".
        ["may"] = "garments", ["det"] = "textiles",
    };

    public static NormalisedFacility Normalise(FacilityRecord record)
    {
        var country = record.CountryCode.Trim().ToUpperInvariant();
        var name = NameWordLists(record.Name);
        var (words, units) = UnitNumbers.Separate(AddressWords.WithCountryAsCode(name.Expanded, country));
        // Spelled from the words as written, so "Amantex" meets "Aman Tex" before "tex" becomes "textiles".
        var (written, _) = UnitNumbers.Separate(AddressWords.WithCountryAsCode(name.Written, country));
        var address = ScriptBigrams.Split(AddressWords.WithoutCountry(AddressTokens(record.Address), country));
        return new(record.Id, country, ScriptBigrams.Split(words), address, string.IsNullOrWhiteSpace(record.OsId) ? null : record.OsId.Trim().ToUpperInvariant())
        {
            Units = units, AddressUnits = UnitNumbers.InAddress(address), Spelled = string.Concat(written),
        };
    }

    public static string[] NameTokens(string? name) => NameWordLists(name).Expanded;

    /// <summary>The name's words without legal forms, as written and with trade abbreviations expanded: one folding for both.</summary>
    private static (string[] Written, string[] Expanded) NameWordLists(string? name)
    {
        var words = Split(name);
        var kept = WithoutLegalForms(words);
        // A name made only of legal words ("The Company Ltd") keeps them rather than becoming empty.
        return kept.Count == 0 ? (words, words) : ([.. kept], [.. kept.Select(t => NameWords.GetValueOrDefault(t, t))]);
    }

    /// <summary>
    /// Drops legal-form phrases, longest first ("s de rl de cv" before "s"), and the forms that scripts
    /// without spaces glue to a name (华美服装有限公司 → 华美服装).
    /// </summary>
    private static List<string> WithoutLegalForms(string[] words)
    {
        var kept = new List<string>(words.Length);
        var i = 0;
        while (i < words.Length)
        {
            var length = LegalFormLengthAt(words, i);
            if (length > 0)
            {
                i += length;
                continue;
            }

            var word = StripGluedForms(words[i]);
            if (!LegalForms.Phrases.Contains(word))
            {
                kept.Add(word);
            }

            i++;
        }

        return kept;
    }

    private static int LegalFormLengthAt(string[] words, int start)
    {
        var longest = LegalForms.PhraseStarts.Contains(words[start]) ? Math.Min(LegalForms.LongestPhrase, words.Length - start) : 1;
        for (var length = longest; length > 1; length--)
        {
            if (LegalForms.Phrases.Contains(string.Join(' ', words, start, length)))
            {
                return length;
            }
        }

        return LegalForms.Phrases.Contains(words[start]) ? 1 : 0;
    }

    private static string StripGluedForms(string word)
    {
        if (char.IsAscii(word[0]))
        {
            return word; // the glued forms are all in scripts beyond ASCII
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var form in LegalForms.Glued)
            {
                if (word.Length > form.Length && (word.EndsWith(form, StringComparison.Ordinal) || word.StartsWith(form, StringComparison.Ordinal)))
                {
                    word = word.EndsWith(form, StringComparison.Ordinal) ? word[..^form.Length] : word[form.Length..];
                    changed = true;
                    break;
                }
            }
        }

        return word;
    }

    public static string[] AddressTokens(string? address)
    {
        var words = Split(address).SelectMany(AddressWords.SplitNumber)
            .SelectMany(t => StreetWords.TryGetValue(t, out var expanded) ? expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [t]).ToList();
        foreach (var (phrase, replacement) in AddressPhrases)
        {
            for (var i = IndexOf(words, phrase); i >= 0; i = IndexOf(words, phrase))
            {
                words.RemoveRange(i, phrase.Length);
                words.InsertRange(i, replacement.Split(' '));
            }
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "industrial" && IndustrialPlaces.Contains(words[i + 1]))
            {
                words[i + 1] = "zone";
            }
        }

        return [.. words];
    }

    private static int IndexOf(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            if (words[i] == phrase[0] && words.Skip(i).Take(phrase.Length).SequenceEqual(phrase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A token that is only a postcode: 4 to 6 digits. Missing on one side, it says nothing.</summary>
    public static bool IsPostcode(string token) => token.Length is >= 4 and <= 6 && token.All(char.IsAsciiDigit);

    /// <summary>Folded words, with letters written one at a time joined back ("S.A. de C.V." → sa de cv).</summary>
    private static string[] Split(string? text) => LetterRuns.Join(TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
