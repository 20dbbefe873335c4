using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Grievances;

public enum PartyRole
{
    /// <summary>The organisation whose mechanism received the case.</summary>
    Mechanism,
    Supplier,
    Union,
    Brand,

    /// <summary>The initiative that mediates an escalated case.</summary>
    Mediator,
}

/// <summary>
/// An organisation taking part in a case as an equal party. A brand sees that the case concerns its
/// supplier, never which other brands take part.
/// </summary>
public sealed class CaseParty
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public Guid OrganisationId { get; init; }

    public PartyRole Role { get; init; }

    /// <summary>When the party agreed to the remedy now proposed; cleared when another remedy is proposed.</summary>
    public DateTimeOffset? AgreedAt { get; set; }

    /// <summary>For a party added after filing: who added it (the mechanism's operator or the mediator) and on which day.</summary>
    public Guid? AddedByOrganisationId { get; init; }

    public DateOnly? AddedOn { get; init; }
}

/// <summary>A member who stepped back from a case for a conflict of interest: they no longer see it.</summary>
public sealed class CaseRecusal
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public required string UserId { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>, IEntityTypeConfiguration<CaseRecusal>
{
    public void Configure(EntityTypeBuilder<CaseParty> b)
    {
        b.ToTable("CaseParties");
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => new { p.CaseId, p.OrganisationId }).IsUnique();
        b.HasIndex(p => p.OrganisationId);
        b.HasOne<GrievanceCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseRecusal> b)
    {
        b.ToTable("CaseRecusals");
        b.Property(r => r.UserId).HasMaxLength(64);
        b.HasIndex(r => new { r.CaseId, r.UserId }).IsUnique();
        b.HasOne<GrievanceCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
