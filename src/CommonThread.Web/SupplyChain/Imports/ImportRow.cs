namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>One checked row of a facility list: the Open Supply Hub columns, then ours for the link and the FoA profile.</summary>
public sealed record ImportRow
{
    public int RowNumber { get; init; }

    public required string Name { get; init; }

    public required string Address { get; init; }

    public required string CountryCode { get; init; }

    public string? OsId { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? Sector { get; init; }

    public string? ProductTypes { get; init; }

    public string? ProcessingTypes { get; init; }

    public int? WorkersTotal { get; init; }

    public int? WorkersWomen { get; init; }

    public int? WorkersMen { get; init; }

    public string? ParentCompany { get; init; }

    public int Tier { get; init; } = 1;

    /// <summary>The row number of the facility in the same file that buys from this one, when the list maps deeper tiers.</summary>
    public int? BuyerRow { get; init; }

    public string? Process { get; init; }

    public string? Product { get; init; }

    public DateOnly? StartDate { get; init; }

    public decimal? ShareOfOutputPercent { get; init; }

    public string? UnionName { get; init; }

    public string? UnionFederation { get; init; }

    public bool? UnionRecognised { get; init; }

    /// <summary>True elected, false appointed, null when the column was blank; see <see cref="WorkerCommitteeAbsent"/>.</summary>
    public bool? WorkerCommitteeElected { get; init; }

    public bool WorkerCommitteeAbsent { get; init; }

    /// <summary>True or false when the file says whether a collective agreement is in force; null when it does not say.</summary>
    public bool? CollectiveAgreement { get; init; }

    public DateOnly? CollectiveAgreementExpires { get; init; }

    public FactSource FoaSource { get; init; } = FactSource.Audit;

    public DateOnly? FoaObservedOn { get; init; }

    public bool HasFoaFacts => UnionName is not null || WorkerCommitteeElected is not null || WorkerCommitteeAbsent || CollectiveAgreement is not null;
}
