using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

/// <summary>Where a claimed relationship stands. Only a confirmed one carries any right.</summary>
public enum LinkStatus
{
    /// <summary>Claimed by one side; the other has not answered, or the facility has no operator on the platform to answer.</summary>
    Pending,
    Confirmed,
    Refused,
}

/// <summary>
/// Who buys from (or gives work to) which facility. A brand's links are tier 1; a supplier's own
/// links to its sub-contractors carry the chain further down, to intermediaries and homeworker groups.
/// A link is one party's claim until the other confirms it: the facility's operator for a link the
/// buyer made, the buyer for one the operator made (<see cref="NamedBySupplier"/>).
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

    public LinkStatus Status { get; set; } = LinkStatus.Pending;

    /// <summary>True when the facility's operator named the buyer (its link upward): the buyer then confirms.</summary>
    public bool NamedBySupplier { get; init; }

    /// <summary>The import and row that last created or changed the link, so the import reports each row's link and where it stands.</summary>
    public Guid? SourceImportId { get; set; }

    public int? SourceRowNumber { get; set; }

    /// <summary>The day the other side confirmed or refused.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>Whose answer the link waits for: the buyer when the supplier named it, otherwise the facility's operator.</summary>
    public Guid? ConfirmerOrganisationId(Guid? facilityOperatorId) => NamedBySupplier ? BuyerOrganisationId : facilityOperatorId;
}

internal sealed class SupplyLinkConfiguration : IEntityTypeConfiguration<SupplyLink>
{
    public void Configure(EntityTypeBuilder<SupplyLink> b)
    {
        b.ToTable("SupplyLinks");
        b.Property(l => l.Process).HasMaxLength(Facility.TextMaxLength);
        b.Property(l => l.Product).HasMaxLength(Facility.TextMaxLength);
        b.Property(l => l.ShareOfOutputPercent).HasPrecision(5, 2);
        // Links made before confirmation existed become claims: every right must be confirmed again.
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(12).HasDefaultValue(LinkStatus.Pending);
        b.HasIndex(l => new { l.FacilityId, l.Status });
        b.HasIndex(l => l.SourceImportId);
        b.HasIndex(l => new { l.BuyerOrganisationId, l.FacilityId, l.StartDate }).IsUnique();
        b.HasIndex(l => l.FacilityId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(l => l.BuyerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(l => l.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(l => l.ViaFacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}
