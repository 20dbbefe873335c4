using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.DueDiligence.Plans;

/// <summary>The kinds of work kept elsewhere on the platform that a plan can count as its own steps.</summary>
public enum LinkedWorkKind
{
    CorrectiveActionPlan,
    Questionnaire,
    HomeworkActionPlan,
    AgreementCommitment,
}

/// <summary>
/// Work the plan's owner follows elsewhere (a corrective action plan, a questionnaire sent to the facility, a
/// supplier's homework action plan, a commitment of an agreement) counted as part of the plan, so the plan shows
/// in one place how the impact is being answered. The link names the record only: what it says is read, each time,
/// through the record's own feature and as far as the reader may read it there.
/// </summary>
public sealed class PlanLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public LinkedWorkKind Kind { get; init; }

    public Guid RecordId { get; init; }

    public DateTimeOffset LinkedAt { get; init; }
}

internal sealed class PlanLinkConfiguration : IEntityTypeConfiguration<PlanLink>
{
    public void Configure(EntityTypeBuilder<PlanLink> b)
    {
        b.ToTable("RiskPlanLinks");
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(l => new { l.PlanId, l.Kind, l.RecordId }).IsUnique();
        b.HasOne<DueDiligencePlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
