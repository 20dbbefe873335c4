using System.Runtime.InteropServices;

namespace CommonThread.Matching;

/// <summary>
/// The registry prepared for matching: facilities by OS ID; per country an inverted index from each name word, address
/// word and name beginning to the facilities that have it; and across countries, facilities by their exact name and
/// address, to catch one entered under the wrong country. Built once, then read by many threads (adding is not
/// thread-safe: the importer adds between matches, on one thread).
/// </summary>
public sealed class FacilityIndex
{
    private readonly Dictionary<string, CountryIndex> countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NormalisedFacility> byOsId = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, NormalisedFacility> byNameAndAddress = [];

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

        if (NameAndAddressKey(facility) is { } key)
        {
            byNameAndAddress.TryAdd(key, facility);
        }

        Count++;
    }

    internal NormalisedFacility? FindByOsId(string osId) => byOsId.GetValueOrDefault(osId);

    internal CountryIndex? Country(string countryCode) => countries.GetValueOrDefault(countryCode);

    /// <summary>A facility in another country with exactly this name, units and address (country names aside), if any.</summary>
    internal NormalisedFacility? SameNameAndAddressElsewhere(NormalisedFacility row) =>
        NameAndAddressKey(row) is { } key && byNameAndAddress.TryGetValue(key, out var found) && found.CountryCode != row.CountryCode
            && found.NameTokens.AsSpan().SequenceEqual(row.NameTokens) && found.AddressTokens.AsSpan().SequenceEqual(row.AddressTokens)
            && found.Units.AsSpan().SequenceEqual(row.Units) ? found : null;

    /// <summary>A hash of name, units and address; none without an address, since a name alone is often shared across countries.</summary>
    /// <remarks>64-bit FNV-1a: a string key per facility would cost a million strings; a collision is caught by the comparison after it.</remarks>
    private static ulong? NameAndAddressKey(NormalisedFacility f)
    {
        if (f.AddressTokens.Length == 0)
        {
            return null;
        }

        var hash = 14695981039346656037UL;
        foreach (var part in (string[][])[f.NameTokens, f.Units, f.AddressTokens])
        {
            foreach (var word in part)
            {
                foreach (var c in word)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ ' ') * 1099511628211UL;
            }

            hash = (hash ^ '|') * 1099511628211UL;
        }

        return hash;
    }

    internal sealed class CountryIndex
    {
        // The first letters of the name without spaces: a run-together or split name shares them with its other spellings.
        private const int PrefixLength = 6;

        private readonly Dictionary<string, List<int>> names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> addresses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> prefixes = new(StringComparer.Ordinal);

        public List<NormalisedFacility> Facilities { get; } = [];

        public void Add(NormalisedFacility facility)
        {
            var id = Facilities.Count;
            Facilities.Add(facility);
            foreach (var word in facility.NameTokens)
            {
                Post(names, word, id);
            }

            // A group's hundred units share every word: only the number finds the right one among them.
            foreach (var unit in facility.Units)
            {
                Post(names, UnitKey(unit), id);
            }

            foreach (var word in facility.AddressTokens)
            {
                Post(addresses, word, id);
            }

            if (Prefix(facility) is { } prefix)
            {
                Post(prefixes, prefix, id);
            }
        }

        /// <summary>Name words, the name's beginning and address words, each with its facilities: apart, since "dhaka" in a name is not "dhaka" in an address.</summary>
        public IEnumerable<(List<int> Postings, bool InName)> Keys(NormalisedFacility row)
        {
            foreach (var word in row.NameTokens.Distinct())
            {
                if (names.TryGetValue(word, out var postings))
                {
                    yield return (postings, true);
                }
            }

            foreach (var unit in row.Units)
            {
                if (names.TryGetValue(UnitKey(unit), out var postings))
                {
                    yield return (postings, true);
                }
            }

            if (Prefix(row) is { } prefix && prefixes.TryGetValue(prefix, out var sharingPrefix))
            {
                yield return (sharingPrefix, true);
            }

            foreach (var word in row.AddressTokens.Distinct())
            {
                if (addresses.TryGetValue(word, out var postings))
                {
                    yield return (postings, false);
                }
            }
        }

        /// <summary>How much an address word says: log of how many facilities of the country lack it; rare words say most.</summary>
        public double AddressWeight(string word) =>
            0.2 + Math.Log((Facilities.Count + 1.0) / ((addresses.TryGetValue(word, out var postings) ? postings.Count : 0) + 1.0));

        // Folded words never hold '#', so a unit's key meets no word.
        private static string UnitKey(string unit) => "#" + unit;

        private static string? Prefix(NormalisedFacility f) => f.Spelled.Length >= 4 ? f.Spelled[..Math.Min(PrefixLength, f.Spelled.Length)] : null;

        private static void Post(Dictionary<string, List<int>> postings, string key, int id)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(postings, key, out _);
            list ??= [];
            if (list.Count == 0 || list[^1] != id)
            {
                list.Add(id);
            }
        }
    }
}
