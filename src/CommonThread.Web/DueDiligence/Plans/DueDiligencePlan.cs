using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.DueDiligence.Plans;

public enum GoalStatus
{
    Planned,
    InProgress,
    Done,
}

/// <summary>
/// A plan to prevent, mitigate or end one adverse impact of the owner's register (OECD step 3): SMART goals,
/// each with an owner, a due date and an indicator measured over time. The unions the owner invites (each
/// verified at the impact's facility) review it and comment, as they do corrective action plans.
/// </summary>
public sealed class DueDiligencePlan
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OwnerOrganisationId { get; init; }

    public Guid ImpactId { get; init; }

    public required string Title { get; set; }

    /// <summary>The template the goals were drawn from ("foa-action-route"), with its version; null for a plan of the owner's own.</summary>
    public string? Template { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class PlanGoal
{
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public int Number { get; init; }

    /// <summary>What is to be achieved; <see cref="GoalTemplate"/> holds the template's English words while they are unchanged, so they show translated.</summary>
    public required string Goal { get; set; }

    public string? GoalTemplate { get; set; }

    public required string Indicator { get; set; }

    public string? IndicatorTemplate { get; set; }

    public required string Target { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public GoalStatus Status { get; set; }

    public string? Progress { get; set; }
}

/// <summary>An indicator's value on a day: effectiveness followed over time.</summary>
public sealed class GoalMeasurement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid GoalId { get; init; }

    public DateOnly On { get; init; }

    public decimal Value { get; init; }

    public string? Note { get; init; }
}

/// <summary>A union the plan's owner asked to review it.</summary>
public sealed class PlanReviewer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid UnionOrganisationId { get; init; }

    public DateTimeOffset InvitedAt { get; init; }
}

/// <summary>
/// The operator (supplier) of the impact's facility, with whom the plan's owner shared it: it reads the plan and
/// comments, as long as the owner's link to the facility is confirmed and it still runs the facility.
/// </summary>
public sealed class PlanOperator
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid OrganisationId { get; init; }

    public DateTimeOffset SharedAt { get; init; }
}

public sealed class RiskPlanComment
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class DueDiligencePlanConfiguration : IEntityTypeConfiguration<DueDiligencePlan>
{
    public void Configure(EntityTypeBuilder<DueDiligencePlan> b)
    {
        b.ToTable("RiskPlans");
        b.Property(p => p.Title).HasMaxLength(DueDiligencePlan.TitleMaxLength);
        b.Property(p => p.Template).HasMaxLength(60);
        b.HasIndex(p => p.OwnerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AdverseImpact>().WithMany().HasForeignKey(p => p.ImpactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> b)
    {
        b.ToTable("RiskPlanGoals");
        b.Property(g => g.Goal).HasMaxLength(PlanGoal.TextMaxLength);
        b.Property(g => g.GoalTemplate).HasMaxLength(PlanGoal.TextMaxLength);
        b.Property(g => g.Indicator).HasMaxLength(PlanGoal.ShortMaxLength);
        b.Property(g => g.IndicatorTemplate).HasMaxLength(PlanGoal.ShortMaxLength);
        b.Property(g => g.Target).HasMaxLength(PlanGoal.ShortMaxLength);
        b.Property(g => g.Owner).HasMaxLength(PlanGoal.ShortMaxLength);
        b.Property(g => g.Progress).HasMaxLength(PlanGoal.TextMaxLength);
        b.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(g => new { g.PlanId, g.Number }).IsUnique();
        b.HasOne<DueDiligencePlan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalMeasurementConfiguration : IEntityTypeConfiguration<GoalMeasurement>
{
    public void Configure(EntityTypeBuilder<GoalMeasurement> b)
    {
        b.ToTable("RiskPlanMeasurements");
        b.Property(m => m.Value).HasPrecision(18, 4);
        b.Property(m => m.Note).HasMaxLength(PlanGoal.ShortMaxLength);
        b.HasIndex(m => m.GoalId);
        b.HasOne<PlanGoal>().WithMany().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanReviewerConfiguration : IEntityTypeConfiguration<PlanReviewer>
{
    public void Configure(EntityTypeBuilder<PlanReviewer> b)
    {
        b.ToTable("RiskPlanReviewers");
        b.HasIndex(r => new { r.PlanId, r.UnionOrganisationId }).IsUnique();
        b.HasIndex(r => r.UnionOrganisationId);
        b.HasOne<DueDiligencePlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.UnionOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanOperatorConfiguration : IEntityTypeConfiguration<PlanOperator>
{
    public void Configure(EntityTypeBuilder<PlanOperator> b)
    {
        b.ToTable("RiskPlanOperators");
        b.HasIndex(o => new { o.PlanId, o.OrganisationId }).IsUnique();
        b.HasIndex(o => o.OrganisationId);
        b.HasOne<DueDiligencePlan>().WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskPlanCommentConfiguration : IEntityTypeConfiguration<RiskPlanComment>
{
    public void Configure(EntityTypeBuilder<RiskPlanComment> b)
    {
        b.ToTable("RiskPlanComments");
        b.Property(c => c.Text).HasMaxLength(RiskPlanComment.TextMaxLength);
        b.HasIndex(c => c.PlanId);
        b.HasOne<DueDiligencePlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
