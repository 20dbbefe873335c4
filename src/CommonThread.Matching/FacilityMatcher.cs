namespace CommonThread.Matching;

/// <summary>
/// Matches a row against the registry: exact on OS ID; otherwise within the same country, candidates
/// are the facilities sharing the rarest words with the row, and each is scored on name (65%) and
/// address (35%) similarity. Thread-safe once the index is built.
/// </summary>
public sealed class FacilityMatcher(FacilityIndex index, MatchThresholds? thresholds = null)
{
    private const int CandidatesScored = 24;
    private const int RarestKeysAlwaysUsed = 2;
    private const int MaxPostingsRead = 20_000;
    private readonly MatchThresholds limits = thresholds ?? MatchThresholds.Default;

    public MatchResult Match(FacilityRecord row) => Match(FacilityNormaliser.Normalise(row));

    public MatchResult Match(NormalisedFacility row)
    {
        if (row.OsId is { } osId && index.FindByOsId(osId) is { } exact)
        {
            return new(MatchDecision.Linked, exact.Id, 1.0);
        }

        var country = index.Country(row.CountryCode);
        var result = country is null ? new MatchResult(MatchDecision.New, null, 0) : MatchInCountry(row, country);
        return result.Decision == MatchDecision.New && index.SameNameAndAddressElsewhere(row) is { } elsewhere ? WrongCountry(row, elsewhere) : result;
    }

    private MatchResult MatchInCountry(NormalisedFacility row, FacilityIndex.CountryIndex country)
    {
        var (best, bestScore, second, secondScore) = (-1, 0.0, -1, 0.0);
        foreach (var candidate in Candidates(row, country))
        {
            var score = FacilityComparison.Score(row, country.Facilities[candidate], country.AddressWeight);
            if (score > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (candidate, score);
            }
            else if (score > secondScore)
            {
                (second, secondScore) = (candidate, score);
            }
        }

        var bestId = best >= 0 ? country.Facilities[best].Id : null;
        var secondId = second >= 0 ? country.Facilities[second].Id : null;
        var decision = bestScore >= limits.AutoLink && bestScore - secondScore >= limits.AmbiguityMargin ? MatchDecision.Linked
            : bestScore >= limits.Review ? MatchDecision.NeedsReview
            : MatchDecision.New;
        var evidence = decision == MatchDecision.New || best < 0 ? [] : FacilityComparison.Explain(row, country.Facilities[best], country.AddressWeight);
        if (decision == MatchDecision.NeedsReview && bestScore >= limits.AutoLink && second >= 0)
        {
            evidence = [.. evidence, new(EvidencePart.RunnerUp, Verdict.Differs, Math.Round(secondScore, 3), "", Describe(country.Facilities[second]))];
        }

        return new(decision, decision == MatchDecision.New ? null : bestId, bestScore, secondId, secondScore) { Evidence = evidence };
    }

    /// <summary>
    /// Nothing alike in the row's country, but exactly this name and address in another: almost always a country entered
    /// wrongly on one side. A person decides rather than a second facility being created.
    /// </summary>
    private static MatchResult WrongCountry(NormalisedFacility row, NormalisedFacility elsewhere) =>
        new(MatchDecision.NeedsReview, elsewhere.Id, 1.0)
        {
            Evidence =
            [
                new(EvidencePart.Country, Verdict.Differs, 0, row.CountryCode, elsewhere.CountryCode),
                new(EvidencePart.Name, Verdict.Agrees, 1, string.Join(' ', row.NameTokens), string.Join(' ', elsewhere.NameTokens)),
                new(EvidencePart.Address, Verdict.Agrees, 1, string.Join(' ', row.AddressTokens), string.Join(' ', elsewhere.AddressTokens)),
            ],
        };

    private static string Describe(NormalisedFacility facility) => $"{string.Join(' ', facility.NameTokens)} · {string.Join(' ', facility.AddressTokens)}";

    /// <summary>
    /// The facilities that share the most informative words with the row: each shared word adds its
    /// rarity (log N/df, name words and the name's beginning double). Very common words are read only when they are
    /// among the row's rarest, so "garments" or "road" never floods the candidates.
    /// </summary>
    private static IEnumerable<int> Candidates(NormalisedFacility row, FacilityIndex.CountryIndex country)
    {
        var total = country.Facilities.Count;
        var commonLimit = Math.Max(200, total / 50);
        var keys = country.Keys(row).OrderBy(k => k.Postings.Count).ToList();
        var weights = new Dictionary<int, double>();
        for (var i = 0; i < keys.Count; i++)
        {
            var postings = keys[i].Postings;
            if (i >= RarestKeysAlwaysUsed && postings.Count > commonLimit)
            {
                break;
            }

            var weight = Math.Log((double)total / postings.Count + 1) * (keys[i].InName ? 2 : 1);
            for (var p = 0; p < postings.Count && p < MaxPostingsRead; p++)
            {
                weights[postings[p]] = weights.GetValueOrDefault(postings[p]) + weight;
            }
        }

        return weights.OrderByDescending(w => w.Value).Take(CandidatesScored).Select(w => w.Key);
    }
}
