using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.DueDiligence;

/// <summary>The human-rights issues a register and a country's risk are kept by (OECD Garment Guidance, Module 1).</summary>
public enum HumanRightsIssue
{
    FreedomOfAssociation,
    ChildLabour,
    ForcedLabour,
    Wages,
    WorkingTime,
    HealthAndSafety,
    GenderBasedViolence,
    Discrimination,
    Homework,
}

/// <summary>Potential: it may happen; actual: it happens or happened and calls for remediation.</summary>
public enum ImpactNature
{
    Potential,
    Actual,
}

/// <summary>Where an impact in a register came from: raised by hand, or accepted from the evidence the platform holds.</summary>
public enum ImpactSource
{
    Manual,
    AuditFindings,
    Grievances,
    HomeworkFigures,
    CountryRisk,
    Union,

    /// <summary>The organisation's own purchasing practices: its suppliers' pooled feedback, its payment records.</summary>
    Purchasing,

    /// <summary>Answers to a questionnaire the organisation sent that the form says point to a risk.</summary>
    Questionnaires,
}

public enum ImpactStatus
{
    Open,
    Addressed,
    Closed,
}

/// <summary>
/// One adverse impact in an organisation's risk register: what, where (a facility or a whole country),
/// and how severe (scale, scope, irremediable character: UNGP 14 and 24) and likely. The register
/// belongs to <see cref="OwnerOrganisationId"/>; a union raises impacts in a register of its own, which the
/// buyers whose confirmed chains reach the facility are offered to take into theirs.
/// </summary>
public sealed class AdverseImpact
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int EvidenceKeyMaxLength = 120;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OwnerOrganisationId { get; init; }

    public Guid? FacilityId { get; init; }

    /// <summary>The facility's country, or the country the impact concerns as a whole.</summary>
    public required string CountryCode { get; init; }

    public HumanRightsIssue Issue { get; init; }

    public ImpactNature Nature { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>How grave: 1 (minor) to 5 (life or liberty).</summary>
    public int Scale { get; set; }

    /// <summary>How many are affected: 1 (a few) to 5 (all workers, or beyond the facility).</summary>
    public int Scope { get; set; }

    /// <summary>How hard to put right: 1 (fully and quickly) to 5 (cannot be undone).</summary>
    public int Irremediability { get; set; }

    /// <summary>1 (unlikely) to 5 (almost certain); an actual impact is certain.</summary>
    public int Likelihood { get; set; }

    public ImpactSource Source { get; init; }

    /// <summary>Names the evidence an accepted proposal came from (e.g. "audit:{facility}:Wages"), so it is not proposed again.</summary>
    public string? EvidenceKey { get; init; }

    /// <summary>What the evidence said when the impact was raised: figures only, never a case's content.</summary>
    public string? Evidence { get; init; }

    /// <summary>The evidence's words as a template and its values (<see cref="Platform.Localization.Phrase"/>), so each reader sees them in their language.</summary>
    public string? EvidenceTemplate { get; init; }

    public string? EvidenceArguments { get; init; }

    public ImpactStatus Status { get; set; }

    public DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset AssessedAt { get; set; }
}

/// <summary>A remark on an impact by its owner or by a union verified at its facility.</summary>
public sealed class ImpactComment
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ImpactId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class AdverseImpactConfiguration : IEntityTypeConfiguration<AdverseImpact>
{
    public void Configure(EntityTypeBuilder<AdverseImpact> b)
    {
        b.ToTable("AdverseImpacts");
        b.Property(i => i.CountryCode).HasMaxLength(2);
        b.Property(i => i.Title).HasMaxLength(AdverseImpact.TitleMaxLength);
        b.Property(i => i.Description).HasMaxLength(AdverseImpact.DescriptionMaxLength);
        b.Property(i => i.Evidence).HasMaxLength(AdverseImpact.DescriptionMaxLength);
        b.Property(i => i.EvidenceKey).HasMaxLength(AdverseImpact.EvidenceKeyMaxLength);
        b.Property(i => i.EvidenceTemplate).HasMaxLength(300);
        b.Property(i => i.EvidenceArguments).HasMaxLength(1000);
        b.Property(i => i.Issue).HasConversion<string>().HasMaxLength(32);
        b.Property(i => i.Nature).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(i => new { i.OwnerOrganisationId, i.EvidenceKey }).IsUnique();
        b.HasIndex(i => i.FacilityId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(i => i.FacilityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImpactCommentConfiguration : IEntityTypeConfiguration<ImpactComment>
{
    public void Configure(EntityTypeBuilder<ImpactComment> b)
    {
        b.ToTable("ImpactComments");
        b.Property(c => c.Text).HasMaxLength(ImpactComment.TextMaxLength);
        b.HasIndex(c => c.ImpactId);
        b.HasOne<AdverseImpact>().WithMany().HasForeignKey(c => c.ImpactId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
