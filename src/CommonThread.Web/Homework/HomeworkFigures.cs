using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

/// <summary>
/// What a brand's dashboard shows of one keeper's homework at one facility, counted once and kept:
/// counting a supplier's million work orders on every view would take seconds. A keeper's write
/// forgets the keeper's figures (<see cref="HomeworkOverview.ForgetFiguresAsync"/>); the next view
/// counts them again, as does the first view of a new day or of figures older than
/// <see cref="HomeworkOverview.FiguresKeptFor"/>.
/// </summary>
public sealed class HomeworkFigures
{
    public Guid OrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    public DateTimeOffset CountedAt { get; init; }

    public int Homeworkers { get; init; }

    /// <summary>Homeworkers per gender as "group=count" lines, before small groups are pooled (pooling is done over the supplier's facilities together).</summary>
    public required string ByGender { get; init; }

    public required string ByArea { get; init; }

    public int WorkOrders { get; init; }

    public int WageChecked { get; init; }

    public int AtOrAboveMinimumWage { get; init; }

    public int Overload { get; init; }

    public int PaymentDue { get; init; }

    public int PaidOnTime { get; init; }
}

internal sealed class HomeworkFiguresConfiguration : IEntityTypeConfiguration<HomeworkFigures>
{
    public void Configure(EntityTypeBuilder<HomeworkFigures> b)
    {
        b.ToTable("HomeworkFigures");
        b.HasKey(f => new { f.OrganisationId, f.FacilityId });
        b.HasIndex(f => f.FacilityId);
        b.Property(f => f.ByGender).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(f => f.FacilityId).OnDelete(DeleteBehavior.Cascade);
    }
}
