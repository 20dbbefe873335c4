using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

/// <summary>A physical production site, run by one supplier or intermediary organisation.</summary>
public sealed partial class Facility
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int TextMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>
    /// The organisation that runs the facility and edits its record; null while no one on the platform
    /// runs it, as for a facility that a brand's imported list named.
    /// </summary>
    public Guid? OperatorOrganisationId { get; init; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Open Supply Hub ID, such as BD2019312ABCDEF.</summary>
    public string? OsId { get; set; }

    public string? Sector { get; set; }

    public string? ProductTypes { get; set; }

    public string? ProcessingTypes { get; set; }

    public int? WorkersWomen { get; set; }

    public int? WorkersMen { get; set; }

    public int? WorkersTotal { get; set; }

    public string? ParentCompany { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>An Open Supply Hub ID: the country code, 7 digits and 6 letters or digits (BD2019312ABCDEF), starting with the facility's country.</summary>
    public static bool IsOsId(string osId, string? countryCode) => OsIdPattern().IsMatch(osId) && (countryCode is null || osId[..2] == countryCode);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z]{2}[0-9]{7}[A-Z0-9]{6}$")]
    private static partial System.Text.RegularExpressions.Regex OsIdPattern();
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> b)
    {
        b.ToTable("Facilities");
        b.Property(f => f.Name).HasMaxLength(Facility.NameMaxLength);
        b.Property(f => f.Address).HasMaxLength(Facility.AddressMaxLength);
        b.Property(f => f.CountryCode).HasMaxLength(2);
        b.Property(f => f.OsId).HasMaxLength(15);
        b.Property(f => f.Sector).HasMaxLength(Facility.TextMaxLength);
        b.Property(f => f.ProductTypes).HasMaxLength(Facility.TextMaxLength);
        b.Property(f => f.ProcessingTypes).HasMaxLength(Facility.TextMaxLength);
        b.Property(f => f.ParentCompany).HasMaxLength(Facility.TextMaxLength);
        b.HasIndex(f => f.OsId).IsUnique();
        b.HasIndex(f => new { f.CountryCode, f.Name });
        b.HasIndex(f => f.OperatorOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OperatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
