using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

/// <summary>
/// What a supplier will do where its homework conditions fall short (homeworking policy 4.5): the
/// findings, the measures with owners and timeframes, and how homeworkers or their representatives
/// took part. The brands buying from the supplier follow its progress.
/// </summary>
public sealed class ActionPlan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string Title { get; set; }

    public required string Findings { get; set; }

    /// <summary>How homeworkers or their representatives were involved in drawing it up and following it.</summary>
    public required string HomeworkerInvolvement { get; set; }

    public DateOnly CreatedOn { get; init; }

    public DateOnly? ClosedOn { get; set; }
}

public sealed class ActionMeasure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public required string Description { get; init; }

    /// <summary>Who answers for it: a role or a person at the supplier.</summary>
    public required string Owner { get; init; }

    public DateOnly DueOn { get; init; }

    public DateOnly? DoneOn { get; set; }

    public string? Progress { get; set; }
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>, IEntityTypeConfiguration<ActionMeasure>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.ToTable("HomeworkActionPlans");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Findings).HasMaxLength(4000);
        b.Property(p => p.HomeworkerInvolvement).HasMaxLength(2000);
        b.HasIndex(p => p.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActionMeasure> b)
    {
        b.ToTable("HomeworkActionMeasures");
        b.Property(m => m.Description).HasMaxLength(1000);
        b.Property(m => m.Owner).HasMaxLength(200);
        b.Property(m => m.Progress).HasMaxLength(1000);
        b.HasIndex(m => m.PlanId);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
