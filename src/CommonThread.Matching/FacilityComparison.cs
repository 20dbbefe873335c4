namespace CommonThread.Matching;

/// <summary>
/// How alike a row and one candidate facility are: name 65%, address 35%. The name is read word by word, and letter by
/// letter without spaces when the words disagree; address words count by how rare they are in the country, and a
/// postcode on one side only is ignored rather than counted against. Different unit numbers — in the name, or the same
/// label in the address ("shed 3" / "shed 4") — are different facilities: the score is halved, below review. A unit
/// number on one side only ("Zaber Knit" / "Zaber Knit Unit 3") puts the pair in review at best: it may be another unit.
/// <see cref="Explain"/> gives the same comparison part by part for a reviewer.
/// </summary>
internal static class FacilityComparison
{
    private const double NameWeight = 0.65;
    private const double SpellingAtLeast = 0.9;
    private const double UnitConflict = 0.5;
    private const double UnitOnOneSide = 0.8;
    private const double WithoutAddress = 0.9;

    // An address that says less but all of it agrees ("Ashulia, Savar" in "Plot 5, Nischintapur, Ashulia, Savar") nearly agrees,
    // if what it says is worth something: two words, or one rare enough (a village, not "Dhaka").
    private const double Contained = 0.85;
    private const double EnoughSaid = 2.0;
    private const double SameAddress = 0.8;

    /// <summary>
    /// The name without the one word that only places it: first or last in the name, not in the other side's name, and
    /// in both addresses — "Brandix Lanka – Seeduwa" against "Brandix Lanka", both at Seeduwa. A sister named after
    /// another town keeps that town and differs; a word in the middle of a name ("Sợi Đức Thành") is part of it.
    /// </summary>
    private static IReadOnlyList<string> WithoutPlaces(NormalisedFacility side, NormalisedFacility other)
    {
        var name = side.NameTokens;
        if (name.Length < 3 || other.AddressTokens.Length == 0)
        {
            return name;
        }

        bool Place(string word) => Array.IndexOf(other.NameTokens, word) < 0 && Array.IndexOf(other.AddressTokens, word) >= 0 && Array.IndexOf(side.AddressTokens, word) >= 0;
        return Place(name[^1]) ? name[..^1] : Place(name[0]) ? name[1..] : name;
    }

    public static double Score(NormalisedFacility row, NormalisedFacility facility, Func<string, double>? addressWeight) =>
        Compare(row, facility, addressWeight).Score;

    public static IReadOnlyList<MatchEvidence> Explain(NormalisedFacility row, NormalisedFacility facility, Func<string, double>? addressWeight)
    {
        var c = Compare(row, facility, addressWeight);
        var rowPostcode = row.AddressTokens.FirstOrDefault(FacilityNormaliser.IsPostcode);
        var facilityPostcode = facility.AddressTokens.FirstOrDefault(FacilityNormaliser.IsPostcode);
        var evidence = new List<MatchEvidence>
        {
            new(EvidencePart.Name, VerdictOf(c.Name), Math.Round(c.Name, 3), string.Join(' ', row.NameTokens), string.Join(' ', facility.NameTokens)),
        };
        if (c.Spelling >= SpellingAtLeast && c.Spelling > c.Words)
        {
            evidence.Add(new(EvidencePart.NameIgnoringSpaces, VerdictOf(c.Spelling), Math.Round(c.Spelling, 3), row.Spelled, facility.Spelled));
        }

        if (row.Units.Length > 0 || facility.Units.Length > 0 || row.AddressUnits.Length > 0 || facility.AddressUnits.Length > 0)
        {
            evidence.Add(new(EvidencePart.UnitNumbers, c.UnitsDiffer ? Verdict.Differs : c.UnitOnOneSide ? Verdict.Missing : Verdict.Agrees, c.UnitsDiffer ? 0 : 1,
                string.Join(' ', row.Units.Concat(row.AddressUnits)), string.Join(' ', facility.Units.Concat(facility.AddressUnits))));
        }

        evidence.Add(new(EvidencePart.Address, c.Address is null ? Verdict.Missing : VerdictOf(c.Address.Value), Math.Round(c.Address ?? 0, 3),
            string.Join(' ', row.AddressTokens), string.Join(' ', facility.AddressTokens)));
        evidence.Add(new(EvidencePart.Postcode, rowPostcode is null || facilityPostcode is null ? Verdict.Missing : rowPostcode == facilityPostcode ? Verdict.Agrees : Verdict.Differs,
            rowPostcode is not null && rowPostcode == facilityPostcode ? 1 : 0, rowPostcode ?? "", facilityPostcode ?? ""));
        return evidence;
    }

    private readonly record struct Comparison(double Score, double Name, double Words, double Spelling, double? Address, bool UnitsDiffer, bool UnitOnOneSide);

    private static Comparison Compare(NormalisedFacility row, NormalisedFacility facility, Func<string, double>? addressWeight)
    {
        var rowName = WithoutPlaces(row, facility);
        var facilityName = WithoutPlaces(facility, row);
        var (words, nameContained) = TokenSimilarity.Compare(rowName, facilityName);
        var spelling = words < SpellingAtLeast ? Spelling.Similarity(row.Spelled, facility.Spelled, SpellingAtLeast) : 0;
        var name = spelling >= SpellingAtLeast ? Math.Max(words, spelling) : words;

        double? address = null;
        double score;
        if (row.AddressTokens.Length == 0 || facility.AddressTokens.Length == 0)
        {
            score = name * WithoutAddress; // without an address, never fully certain
        }
        else
        {
            var (rowAddress, facilityAddress) = AddressesToCompare(row, facility);
            var (dice, containment) = TokenSimilarity.Compare(rowAddress, facilityAddress, addressWeight);
            var says = addressWeight is null ? Math.Min(rowAddress.Length, facilityAddress.Length) : Math.Min(TokenSimilarity.Total(rowAddress, addressWeight), TokenSimilarity.Total(facilityAddress, addressWeight));
            address = says >= EnoughSaid ? Math.Max(dice, Contained * containment) : dice;

            // At one address, a name with a group's or a division's words added is the same name: "Nishat Mills (Spinning &
            // Weaving)" at Nishat Mills' address. Only where the address agrees, and the shorter name has two words or more.
            if (address >= SameAddress && Math.Min(rowName.Count, facilityName.Count) >= 2)
            {
                name = Math.Max(name, Contained * nameContained);
            }

            score = (NameWeight * name) + ((1 - NameWeight) * address.Value);
        }

        var unitsDiffer = (row.Units.Length > 0 && facility.Units.Length > 0 && !UnitNumbers.Same(row, facility))
            || AddressUnitsDiffer(row.AddressUnits, facility.AddressUnits);
        var unitOnOneSide = !unitsDiffer && (row.Units.Length > 0) != (facility.Units.Length > 0);
        score *= unitsDiffer ? UnitConflict : unitOnOneSide ? UnitOnOneSide : 1;
        return new(score, name, words, spelling, address, unitsDiffer, unitOnOneSide);
    }

    /// <summary>"shed:3" against "shed:4" differ; "shed:3" against "unit:2" says nothing, each side numbering something else.</summary>
    private static bool AddressUnitsDiffer(string[] row, string[] facility)
    {
        if (row.Length == 0 || facility.Length == 0)
        {
            return false;
        }

        foreach (var unit in row)
        {
            var label = unit[..(unit.IndexOf(':') + 1)];
            if (!facility.Contains(unit) && facility.Any(f => f.StartsWith(label, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static Verdict VerdictOf(double score) => score >= 0.95 ? Verdict.Agrees : score >= 0.5 ? Verdict.Partly : Verdict.Differs;

    private static (string[] Row, string[] Facility) AddressesToCompare(NormalisedFacility row, NormalisedFacility facility)
    {
        var rowHasPostcode = row.AddressTokens.Any(FacilityNormaliser.IsPostcode);
        var facilityHasPostcode = facility.AddressTokens.Any(FacilityNormaliser.IsPostcode);
        var rowAddress = rowHasPostcode && !facilityHasPostcode ? row.AddressTokens.Where(t => !FacilityNormaliser.IsPostcode(t)).ToArray() : row.AddressTokens;
        var facilityAddress = facilityHasPostcode && !rowHasPostcode ? facility.AddressTokens.Where(t => !FacilityNormaliser.IsPostcode(t)).ToArray() : facility.AddressTokens;
        return (rowAddress, facilityAddress);
    }
}
