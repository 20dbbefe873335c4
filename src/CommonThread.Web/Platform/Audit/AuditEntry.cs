using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Platform.Audit;

/// <summary>Who changed what and when, within one organisation. Written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>Null when the operator CLI made the change.</summary>
    public string? ActorUserId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>A stable dotted name such as <c>member.role-changed</c>.</summary>
    public required string Action { get; init; }

    public required string Details { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Details).HasMaxLength(1000);
        b.HasIndex(a => new { a.OrganisationId, a.At });
    }
}
