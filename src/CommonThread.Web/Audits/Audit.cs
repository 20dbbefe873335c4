using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Audits;

public enum Severity
{
    Minor,
    Major,
    Critical,
    ZeroTolerance,
}

/// <summary>What a finding is about. Freedom of association, collective bargaining and grievance mechanisms are first-class: a union can be invited to exactly these.</summary>
public enum FindingCategory
{
    FreedomOfAssociation,
    CollectiveBargaining,
    GrievanceMechanism,
    Wages,
    WorkingHours,
    HealthAndSafety,
    ForcedLabour,
    ChildLabour,
    Discrimination,
    Harassment,
    Environment,
    Other,
}

/// <summary>A social audit of a facility as recorded by whoever commissioned or received it, with its report document.</summary>
public sealed class Audit
{
    public const int TextMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FacilityId { get; init; }

    public Guid RecordedByOrganisationId { get; init; }

    /// <summary>The standard or scheme (SA8000, amfori BSCI, SLCP, WRAP, a brand's own code).</summary>
    public required string Standard { get; init; }

    public required string Auditor { get; init; }

    public DateOnly StartedOn { get; init; }

    public DateOnly EndedOn { get; init; }

    public string? ReportFileName { get; set; }

    public byte[]? Report { get; set; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One finding of an audit.</summary>
public sealed class NonConformity
{
    public const int FindingMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AuditId { get; init; }

    public required string Finding { get; init; }

    public Severity Severity { get; init; }

    public FindingCategory Category { get; init; }

    /// <summary>The clause of the standard, as the report cites it.</summary>
    public string? Clause { get; init; }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> b)
    {
        b.ToTable("Audits");
        b.Property(a => a.Standard).HasMaxLength(Audit.TextMaxLength);
        b.Property(a => a.Auditor).HasMaxLength(Audit.TextMaxLength);
        b.Property(a => a.ReportFileName).HasMaxLength(255);
        b.HasIndex(a => a.FacilityId);
        b.HasIndex(a => a.RecordedByOrganisationId);
        b.HasOne<Facility>().WithMany().HasForeignKey(a => a.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.RecordedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NonConformityConfiguration : IEntityTypeConfiguration<NonConformity>
{
    public void Configure(EntityTypeBuilder<NonConformity> b)
    {
        b.ToTable("NonConformities");
        b.Property(n => n.Finding).HasMaxLength(NonConformity.FindingMaxLength);
        b.Property(n => n.Clause).HasMaxLength(100);
        b.Property(n => n.Severity).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Category).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(n => n.AuditId);
        b.HasOne<Audit>().WithMany().HasForeignKey(n => n.AuditId).OnDelete(DeleteBehavior.Cascade);
    }
}
