using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Who buys from (or gives work to) which facility. A brand's links are tier 1; a supplier's own
/// links to its sub-contractors carry the chain further down, to intermediaries and homeworker groups.
/// </summary>
public sealed class SupplyLink
{
    public const int MaxTier = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BuyerOrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    /// <summary>As the buyer declares it: 1 for a direct supplier, 2 for its sub-contractor, and so on.</summary>
    public int Tier { get; set; }

    /// <summary>
    /// When the buyer maps beyond tier 1 itself: the facility in its chain that passes work on to this
    /// one (tier 1 factory → tier 2 mill). Draws the chain picture; visibility never depends on it.
    /// </summary>
    public Guid? ViaFacilityId { get; set; }

    public string? Process { get; set; }

    public string? Product { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Set when the relationship ended; the link is kept as history.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>The buyer's share of the facility's output, in percent, where known.</summary>
    public decimal? ShareOfOutputPercent { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SupplyLinkConfiguration : IEntityTypeConfiguration<SupplyLink>
{
    public void Configure(EntityTypeBuilder<SupplyLink> b)
    {
        b.ToTable("SupplyLinks");
        b.Property(l => l.Process).HasMaxLength(Facility.TextMaxLength);
        b.Property(l => l.Product).HasMaxLength(Facility.TextMaxLength);
        b.Property(l => l.ShareOfOutputPercent).HasPrecision(5, 2);
        b.HasIndex(l => new { l.BuyerOrganisationId, l.FacilityId, l.StartDate }).IsUnique();
        b.HasIndex(l => l.FacilityId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(l => l.BuyerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(l => l.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(l => l.ViaFacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}
