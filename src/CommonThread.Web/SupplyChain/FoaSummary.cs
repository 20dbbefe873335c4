namespace CommonThread.Web.SupplyChain;

public sealed record FoaSummaryRow(Guid FacilityId, string Name, string Address, string CountryCode, string? OsId, int? Tier, bool Operated,
    bool HasUnion, bool HasWorkerCommittee, bool HasCollectiveAgreement, int? WorkersWomen, int? WorkersMen, int? WorkersTotal, double? Latitude, double? Longitude);

public sealed record FoaSummaryGroup(string CountryCode, int? Tier, int Facilities, int WithUnion, int WithWorkerCommittee, int WithCollectiveAgreement);

/// <summary>The list a brand works from: every facility in its chain with or without a union, committee or CBA.</summary>
public sealed record FoaSummaryDto(IReadOnlyList<FoaSummaryRow> Facilities, IReadOnlyList<FoaSummaryGroup> ByCountryAndTier);
