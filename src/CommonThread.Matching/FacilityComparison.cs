namespace CommonThread.Matching;

/// <summary>
/// How alike a row and one candidate facility are: name 65%, address 35%; a postcode on one side only is ignored
/// rather than counted against. <see cref="Explain"/> gives the same comparison part by part for a reviewer.
/// </summary>
internal static class FacilityComparison
{
    public static double Score(NormalisedFacility row, NormalisedFacility facility)
    {
        var name = TokenSimilarity.Of(row.NameTokens, facility.NameTokens);
        if (row.AddressTokens.Length == 0 || facility.AddressTokens.Length == 0)
        {
            return name * 0.9; // without an address, never fully certain
        }

        var (rowAddress, facilityAddress) = AddressesToCompare(row, facility);
        return (0.65 * name) + (0.35 * TokenSimilarity.Of(rowAddress, facilityAddress));
    }

    public static IReadOnlyList<MatchEvidence> Explain(NormalisedFacility row, NormalisedFacility facility)
    {
        var name = TokenSimilarity.Of(row.NameTokens, facility.NameTokens);
        var (rowAddress, facilityAddress) = AddressesToCompare(row, facility);
        var address = TokenSimilarity.Of(rowAddress, facilityAddress);
        var rowPostcode = row.AddressTokens.FirstOrDefault(FacilityNormaliser.IsPostcode);
        var facilityPostcode = facility.AddressTokens.FirstOrDefault(FacilityNormaliser.IsPostcode);
        return
        [
            new(EvidencePart.Name, VerdictOf(name), Math.Round(name, 3), string.Join(' ', row.NameTokens), string.Join(' ', facility.NameTokens)),
            new(EvidencePart.Address, row.AddressTokens.Length == 0 || facility.AddressTokens.Length == 0 ? Verdict.Missing : VerdictOf(address), Math.Round(address, 3),
                string.Join(' ', row.AddressTokens), string.Join(' ', facility.AddressTokens)),
            new(EvidencePart.Postcode, rowPostcode is null || facilityPostcode is null ? Verdict.Missing : rowPostcode == facilityPostcode ? Verdict.Agrees : Verdict.Differs,
                rowPostcode is not null && rowPostcode == facilityPostcode ? 1 : 0, rowPostcode ?? "", facilityPostcode ?? ""),
        ];
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
