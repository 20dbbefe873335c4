using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Grievances;

/// <summary>Kinds of party: whose agreement a mechanism needs to close a case; whom a reporter lets see who they are.</summary>
[Flags]
public enum PartyKinds
{
    None = 0,
    Supplier = 1,
    Union = 2,
    Brand = 4,
}

/// <summary>
/// An organisation's grievance mechanism: its deadlines, who must agree before a case closes, who
/// mediates an escalated case, and its published rules of procedure.
/// </summary>
public sealed class GrievanceMechanism
{
    public const int ProcedureMaxLength = 8000;

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrganisationId { get; init; }

    public required string Name { get; set; }

    /// <summary>EU whistleblower directive: acknowledge within 7 days.</summary>
    public int AcknowledgeWithinDays { get; set; } = 7;

    /// <summary>EU whistleblower directive: feedback to the reporter within 3 months.</summary>
    public int FeedbackWithinDays { get; set; } = 90;

    /// <summary>A closed case and its files are deleted this long after closing (the parties are warned first).</summary>
    public int RetainClosedCasesDays { get; set; } = 730;

    public PartyKinds ClosingNeedsAgreementOf { get; set; } = PartyKinds.Supplier | PartyKinds.Union;

    /// <summary>The initiative that mediates when a party escalates a case.</summary>
    public Guid? MediatorOrganisationId { get; set; }

    /// <summary>Extra rules of procedure the mechanism publishes beside the standard ones.</summary>
    public string? ProcedureNotes { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A short link into a mechanism, printed on a poster: <c>/r/{Code}</c>. One per facility, or one
/// for the organisation as a whole. Reports through it concern that facility.
/// </summary>
public sealed class GrievanceChannel
{
    public const int CodeMaxLength = 32;

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid MechanismId { get; init; }

    public required string Code { get; init; }

    public Guid? FacilityId { get; init; }

    /// <summary>The language the poster and the intake page open in, such as "bn".</summary>
    public string Language { get; set; } = "en";

    public bool Active { get; set; } = true;
}

internal sealed class GrievanceMechanismConfiguration : IEntityTypeConfiguration<GrievanceMechanism>, IEntityTypeConfiguration<GrievanceChannel>
{
    public void Configure(EntityTypeBuilder<GrievanceMechanism> b)
    {
        b.ToTable("GrievanceMechanisms");
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.ProcedureNotes).HasMaxLength(GrievanceMechanism.ProcedureMaxLength);
        b.Property(m => m.ClosingNeedsAgreementOf).HasConversion<int>();
        b.HasIndex(m => m.OrganisationId).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.MediatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<GrievanceChannel> b)
    {
        b.ToTable("GrievanceChannels");
        b.Property(c => c.Code).HasMaxLength(GrievanceChannel.CodeMaxLength);
        b.Property(c => c.Language).HasMaxLength(8);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasOne<GrievanceMechanism>().WithMany().HasForeignKey(c => c.MechanismId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}
