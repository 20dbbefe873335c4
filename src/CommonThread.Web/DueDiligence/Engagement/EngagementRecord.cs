using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.DueDiligence.Engagement;

public enum EngagementKind
{
    Meeting,
    Consultation,
    FacilityVisit,
    Correspondence,
}

/// <summary>
/// One engagement with the people an organisation's due diligence concerns (OECD Guidance, stakeholder
/// engagement; CSDDD Art. 13): who took part, when, what was raised and what was done about it. The owner
/// keeps the log; each organisation named as a party reads the record and adds its own account beside it.
/// </summary>
public sealed class EngagementRecord
{
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OwnerOrganisationId { get; init; }

    public DateOnly HeldOn { get; init; }

    public EngagementKind Kind { get; init; }

    public required string Subject { get; init; }

    /// <summary>What the workers' representatives or others raised.</summary>
    public required string Raised { get; init; }

    /// <summary>What was agreed or done in answer, and the follow-up.</summary>
    public string? Done { get; init; }

    /// <summary>An impact of the owner's register the engagement was about, if any.</summary>
    public Guid? ImpactId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

public sealed class EngagementParty
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecordId { get; init; }

    public Guid OrganisationId { get; init; }
}

/// <summary>A party's own account of the engagement, or the owner's follow-up.</summary>
public sealed class EngagementComment
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecordId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class EngagementRecordConfiguration : IEntityTypeConfiguration<EngagementRecord>
{
    public void Configure(EntityTypeBuilder<EngagementRecord> b)
    {
        b.ToTable("EngagementRecords");
        b.Property(r => r.Subject).HasMaxLength(EngagementRecord.SubjectMaxLength);
        b.Property(r => r.Raised).HasMaxLength(EngagementRecord.TextMaxLength);
        b.Property(r => r.Done).HasMaxLength(EngagementRecord.TextMaxLength);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => r.OwnerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AdverseImpact>().WithMany().HasForeignKey(r => r.ImpactId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EngagementPartyConfiguration : IEntityTypeConfiguration<EngagementParty>
{
    public void Configure(EntityTypeBuilder<EngagementParty> b)
    {
        b.ToTable("EngagementParties");
        b.HasIndex(p => new { p.RecordId, p.OrganisationId }).IsUnique();
        b.HasIndex(p => p.OrganisationId);
        b.HasOne<EngagementRecord>().WithMany().HasForeignKey(p => p.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EngagementCommentConfiguration : IEntityTypeConfiguration<EngagementComment>
{
    public void Configure(EntityTypeBuilder<EngagementComment> b)
    {
        b.ToTable("EngagementComments");
        b.Property(c => c.Text).HasMaxLength(EngagementComment.TextMaxLength);
        b.HasIndex(c => c.RecordId);
        b.HasOne<EngagementRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
