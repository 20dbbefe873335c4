namespace CommonThread.Web.SupplyChain;

/// <summary>One facility of the list; <c>Claim</c> set (Pending, Refused) when the organisation's link to it is not confirmed, and its FoA columns then come from the organisation's own records only.</summary>
public sealed record FoaSummaryRow(Guid FacilityId, string Name, string Address, string CountryCode, string? OsId, int? Tier, bool Operated,
    bool HasUnion, bool HasWorkerCommittee, bool HasCollectiveAgreement, int? WorkersWomen, int? WorkersMen, int? WorkersTotal, double? Latitude, double? Longitude,
    LinkStatus? Claim = null)
{
    public bool Confirmed => Claim is null;

    /// <summary>The link as exports name it: Pending or Refused for a claim, Confirmed for the chain, nothing for a facility the organisation runs.</summary>
    public string? Link => Claim?.ToString() ?? (Operated ? null : "Confirmed");
}

public sealed record FoaSummaryGroup(string CountryCode, int? Tier, int Facilities, int WithUnion, int WithWorkerCommittee, int WithCollectiveAgreement);

/// <summary>The list a brand works from: every facility in its chain with or without a union, committee or CBA.</summary>
public sealed record FoaSummaryDto(IReadOnlyList<FoaSummaryRow> Facilities, IReadOnlyList<FoaSummaryGroup> ByCountryAndTier)
{
    /// <summary>The rows with their counts by country and tier.</summary>
    public static FoaSummaryDto Of(IReadOnlyList<FoaSummaryRow> rows) => new(rows, Groups(rows));

    public static IReadOnlyList<FoaSummaryGroup> Groups(IEnumerable<FoaSummaryRow> rows) =>
        rows.GroupBy(r => (r.CountryCode, r.Tier)).OrderBy(g => g.Key.CountryCode).ThenBy(g => g.Key.Tier)
            .Select(g => new FoaSummaryGroup(g.Key.CountryCode, g.Key.Tier, g.Count(), g.Count(r => r.HasUnion), g.Count(r => r.HasWorkerCommittee), g.Count(r => r.HasCollectiveAgreement)))
            .ToList();
}
