using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// A buyer's consent that the other buyers of one facility read the FoA facts it recorded there
/// (its audits and interviews), so brands sourcing from the same supplier build one picture. Withdrawn
/// by setting <see cref="WithdrawnAt"/>; a later share is a new row, so the history of consent is kept.
/// </summary>
public sealed class FoaShare
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FacilityId { get; init; }

    public Guid SharedByOrganisationId { get; init; }

    public DateTimeOffset SharedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}

internal sealed class FoaShareConfiguration : IEntityTypeConfiguration<FoaShare>
{
    public void Configure(EntityTypeBuilder<FoaShare> b)
    {
        b.ToTable("FoaShares");
        b.HasIndex(s => new { s.FacilityId, s.SharedByOrganisationId });
        b.HasOne<Facility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.SharedByOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
