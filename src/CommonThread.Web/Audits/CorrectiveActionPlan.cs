using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Audits;

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
}

/// <summary>
/// What a facility will put right, item by item: drawn up by the buyer that follows it from an
/// audit's non-conformities, updated by the organisation that runs the facility, verified by the
/// buyer at a follow-up.
/// </summary>
public sealed class CorrectiveActionPlan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FacilityId { get; init; }

    public Guid? AuditId { get; init; }

    /// <summary>The organisation running the facility: it updates the items and uploads evidence.</summary>
    public Guid SupplierOrganisationId { get; init; }

    /// <summary>The buyer or initiative that drew the plan up and verifies it.</summary>
    public Guid FollowedByOrganisationId { get; init; }

    public required string Title { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class CorrectiveAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid? NonConformityId { get; init; }

    public FindingCategory Category { get; init; }

    public required string Description { get; init; }

    /// <summary>Who answers for it at the facility (a role or a name).</summary>
    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public ActionStatus Status { get; set; }

    public string? Progress { get; set; }

    /// <summary>True: confirmed at a follow-up audit or visit; false: found not done. Null until checked.</summary>
    public bool? Verified { get; set; }

    public string? VerifiedBy { get; set; }

    public DateOnly? VerifiedOn { get; set; }
}

public sealed class CorrectiveEvidence
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>A union invited to review the plan's items in some categories (by default freedom of association, bargaining and grievances), and only those.</summary>
public sealed class PlanInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid UnionOrganisationId { get; init; }

    /// <summary>The categories it may read and comment on, comma-separated.</summary>
    public required string Categories { get; init; }

    public DateTimeOffset InvitedAt { get; init; }

    public IReadOnlySet<FindingCategory> CategorySet =>
        Categories.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => Enum.Parse<FindingCategory>(c)).ToHashSet();
}

public sealed class PlanComment
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class CorrectiveActionPlanConfiguration : IEntityTypeConfiguration<CorrectiveActionPlan>
{
    public void Configure(EntityTypeBuilder<CorrectiveActionPlan> b)
    {
        b.ToTable("CorrectiveActionPlans");
        b.Property(p => p.Title).HasMaxLength(200);
        b.HasIndex(p => p.SupplierOrganisationId);
        b.HasIndex(p => p.FollowedByOrganisationId);
        b.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Audit>().WithMany().HasForeignKey(p => p.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.SupplierOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.FollowedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.ToTable("CorrectiveActions");
        b.Property(a => a.Description).HasMaxLength(NonConformity.FindingMaxLength);
        b.Property(a => a.Owner).HasMaxLength(200);
        b.Property(a => a.Progress).HasMaxLength(2000);
        b.Property(a => a.VerifiedBy).HasMaxLength(200);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => a.PlanId);
        b.HasOne<CorrectiveActionPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<NonConformity>().WithMany().HasForeignKey(a => a.NonConformityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CorrectiveEvidenceConfiguration : IEntityTypeConfiguration<CorrectiveEvidence>
{
    public void Configure(EntityTypeBuilder<CorrectiveEvidence> b)
    {
        b.ToTable("CorrectiveEvidence");
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.HasIndex(e => e.ActionId);
        b.HasOne<CorrectiveAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanInvitationConfiguration : IEntityTypeConfiguration<PlanInvitation>
{
    public void Configure(EntityTypeBuilder<PlanInvitation> b)
    {
        b.ToTable("PlanInvitations");
        b.Property(i => i.Categories).HasMaxLength(500);
        b.Ignore(i => i.CategorySet);
        b.HasIndex(i => new { i.PlanId, i.UnionOrganisationId }).IsUnique();
        b.HasIndex(i => i.UnionOrganisationId);
        b.HasOne<CorrectiveActionPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.UnionOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> b)
    {
        b.ToTable("PlanComments");
        b.Property(c => c.Text).HasMaxLength(PlanComment.TextMaxLength);
        b.HasIndex(c => c.ActionId);
        b.HasOne<CorrectiveAction>().WithMany().HasForeignKey(c => c.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
