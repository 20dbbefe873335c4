namespace CommonThread.Matching;

/// <summary>
/// The registry prepared for matching: facilities by OS ID, and per country an inverted index from
/// each name and address word to the facilities that have it. Built once, then read by many threads.
/// </summary>
public sealed class FacilityIndex
{
    private readonly Dictionary<string, CountryIndex> countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NormalisedFacility> byOsId = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public static FacilityIndex Build(IEnumerable<FacilityRecord> registry)
    {
        var index = new FacilityIndex();
        foreach (var record in registry)
        {
            index.Add(FacilityNormaliser.Normalise(record));
        }

        return index;
    }

    public void Add(NormalisedFacility facility)
    {
        if (!countries.TryGetValue(facility.CountryCode, out var country))
        {
            countries[facility.CountryCode] = country = new CountryIndex();
        }

        country.Add(facility);
        if (facility.OsId is { } osId)
        {
            byOsId[osId] = facility;
        }

        Count++;
    }

    internal NormalisedFacility? FindByOsId(string osId) => byOsId.GetValueOrDefault(osId);

    internal CountryIndex? Country(string countryCode) => countries.GetValueOrDefault(countryCode);

    internal sealed class CountryIndex
    {
        private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);

        public List<NormalisedFacility> Facilities { get; } = [];

        public void Add(NormalisedFacility facility)
        {
            var id = Facilities.Count;
            Facilities.Add(facility);
            foreach (var key in Keys(facility))
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }

                if (list.Count == 0 || list[^1] != id)
                {
                    list.Add(id);
                }
            }
        }

        public List<int>? Postings(string key) => postings.GetValueOrDefault(key);

        /// <summary>Name words and address words are kept apart: "dhaka" in a name is not "dhaka" in an address.</summary>
        public static IEnumerable<string> Keys(NormalisedFacility f) =>
            f.NameTokens.Select(t => "n" + t).Concat(f.AddressTokens.Select(t => "a" + t)).Distinct();
    }
}
