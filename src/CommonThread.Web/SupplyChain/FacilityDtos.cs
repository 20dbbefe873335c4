using System.ComponentModel.DataAnnotations;

namespace CommonThread.Web.SupplyChain;

public sealed record FacilityInput
{
    [Required, StringLength(Facility.NameMaxLength)]
    public string Name { get; init; } = "";

    [Required, StringLength(Facility.AddressMaxLength)]
    public string Address { get; init; } = "";

    [Required, StringLength(2, MinimumLength = 2)]
    public string CountryCode { get; init; } = "";

    [Range(-90, 90)]
    public double? Latitude { get; init; }

    [Range(-180, 180)]
    public double? Longitude { get; init; }

    [StringLength(15)]
    public string? OsId { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? Sector { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? ProductTypes { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? ProcessingTypes { get; init; }

    [Range(0, CommonThread.Web.Platform.Values.Plausible.MaxHeadcount)]
    public int? WorkersWomen { get; init; }

    [Range(0, CommonThread.Web.Platform.Values.Plausible.MaxHeadcount)]
    public int? WorkersMen { get; init; }

    [Range(0, CommonThread.Web.Platform.Values.Plausible.MaxHeadcount)]
    public int? WorkersTotal { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? ParentCompany { get; init; }
}

/// <summary>
/// A facility as one organisation sees it: operated, or the tier in its own confirmed chain.
/// <c>Claim</c> is set (Pending, Refused) for a facility known only through the organisation's own
/// unconfirmed claim: registry data, and no right.
/// </summary>
public sealed record FacilityDto(Guid Id, string Name, string Address, string CountryCode, double? Latitude, double? Longitude, string? OsId,
    string? Sector, string? ProductTypes, string? ProcessingTypes, int? WorkersWomen, int? WorkersMen, int? WorkersTotal, string? ParentCompany,
    bool Operated, int? Tier, LinkStatus? Claim = null)
{
    public static FacilityDto From(VisibleFacility v) => new(v.Facility.Id, v.Facility.Name, v.Facility.Address, v.Facility.CountryCode,
        v.Facility.Latitude, v.Facility.Longitude, v.Facility.OsId, v.Facility.Sector, v.Facility.ProductTypes, v.Facility.ProcessingTypes,
        v.Facility.WorkersWomen, v.Facility.WorkersMen, v.Facility.WorkersTotal, v.Facility.ParentCompany, v.Operated, v.Tier, v.Claim);
}

public sealed record SupplyLinkInput
{
    [Required]
    public Guid? FacilityId { get; init; }

    [Range(1, SupplyLink.MaxTier)]
    public int Tier { get; init; } = 1;

    /// <summary>The facility in your chain that passes work on to this one, when you map beyond tier 1.</summary>
    public Guid? ViaFacilityId { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? Process { get; init; }

    [StringLength(Facility.TextMaxLength)]
    public string? Product { get; init; }

    [Required]
    public DateOnly? StartDate { get; init; }

    [Range(0, 100)]
    public decimal? ShareOfOutputPercent { get; init; }
}

public sealed record EndSupplyLinkInput
{
    [Required]
    public DateOnly? EndDate { get; init; }
}

/// <summary>A link as its buyer sees it; <c>Status</c> says whether the other side confirmed it.</summary>
public sealed record SupplyLinkDto(Guid Id, Guid FacilityId, int Tier, Guid? ViaFacilityId, string? Process, string? Product, DateOnly StartDate, DateOnly? EndDate,
    decimal? ShareOfOutputPercent, LinkStatus Status, bool NamedBySupplier, DateOnly? DecidedOn)
{
    public static SupplyLinkDto From(SupplyLink l) => new(l.Id, l.FacilityId, l.Tier, l.ViaFacilityId, l.Process, l.Product, l.StartDate, l.EndDate, l.ShareOfOutputPercent,
        l.Status, l.NamedBySupplier, l.DecidedOn);
}
