using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

public enum PreQualification
{
    Pending,
    Passed,
    Failed,
}

/// <summary>
/// An agent or sub-contractor who passes a supplier's work on to homeworkers: pre-qualified,
/// licensed, under contract and trained before any work may go through them (homeworking policy,
/// ILO C177). Intermediaries can pass work to further intermediaries: the tiers down to the homeworker.
/// </summary>
public sealed class Intermediary
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The supplier that contracts the intermediary and keeps this record.</summary>
    public Guid OrganisationId { get; init; }

    public Guid? FacilityId { get; set; }

    /// <summary>The intermediary that passes work to this one; null when it takes work from the facility.</summary>
    public Guid? ParentIntermediaryId { get; set; }

    public required string Name { get; set; }

    public bool IsOrganisation { get; set; }

    public string? LicenceNumber { get; set; }

    public DateOnly? LicenceExpires { get; set; }

    public PreQualification PreQualification { get; set; }

    public DateOnly? PreQualifiedOn { get; set; }

    /// <summary>The checklist items met, by key (see <see cref="IntermediaryChecklist"/>).</summary>
    public List<string> ChecklistMet { get; set; } = [];

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    /// <summary>Where the signed contract is filed (reference or document name).</summary>
    public string? ContractDocument { get; set; }

    public DateOnly? TrainedOn { get; set; }

    /// <summary>What keeps work from going through the intermediary on this day; null when it may.</summary>
    public IntermediaryGap? GapOn(DateOnly on) =>
        PreQualification == PreQualification.Pending ? IntermediaryGap.NotPrequalified
        : PreQualification != PreQualification.Passed ? IntermediaryGap.FailedPrequalification
        : LicenceExpires is not { } expires ? IntermediaryGap.NoLicence
        : expires < on ? IntermediaryGap.LicenceExpired
        : ContractStart is not { } start || start > on || ContractEnd < on ? IntermediaryGap.NoContract
        : TrainedOn is null ? IntermediaryGap.NotTrained
        : null;

    /// <summary>Why no work may go through the intermediary on this day, in words for people; null when it may.</summary>
    public Phrase? WhyNotQualified(DateOnly on) => GapOn(on) switch
    {
        IntermediaryGap.NotPrequalified => Phrase.Of("{0} has not passed pre-qualification yet.", Name),
        IntermediaryGap.FailedPrequalification => Phrase.Of("{0} failed pre-qualification.", Name),
        IntermediaryGap.NoLicence => Phrase.Of("{0} has no licence on record.", Name),
        IntermediaryGap.LicenceExpired => Phrase.Of("{0}'s licence expired on {1}.", Name, LicenceExpires),
        IntermediaryGap.NoContract => Phrase.Of("{0} has no contract in force on {1}.", Name, on),
        IntermediaryGap.NotTrained => Phrase.Of("{0} has not been trained on the obligations towards homeworkers.", Name),
        _ => null,
    };
}

/// <summary>The first requirement of the homeworking policy an intermediary does not meet on a day.</summary>
public enum IntermediaryGap
{
    NotPrequalified,
    FailedPrequalification,
    NoLicence,
    LicenceExpired,
    NoContract,
    NotTrained,
}

/// <summary>What pre-qualification checks, from the homeworking policy's requirements for intermediaries.</summary>
public static class IntermediaryChecklist
{
    public static readonly IReadOnlyDictionary<string, string> Items = new Dictionary<string, string>
    {
        ["registered"] = "Registered business or identified person with a fixed address",
        ["records"] = "Keeps records of every homeworker, work given out and payments",
        ["pays-on-time"] = "Agrees to pay homeworkers in full and on time, with passbooks",
        ["no-child-labour"] = "No child or forced labour found in its network",
        ["safe-work"] = "Work it gives out can be done safely at home",
        ["no-further-subcontracting"] = "Passes work on only to registered homeworkers or approved intermediaries",
    };
}

internal sealed class IntermediaryConfiguration : IEntityTypeConfiguration<Intermediary>
{
    public void Configure(EntityTypeBuilder<Intermediary> b)
    {
        b.ToTable("Intermediaries");
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.LicenceNumber).HasMaxLength(80);
        b.Property(i => i.PreQualification).HasConversion<string>().HasMaxLength(8);
        b.Property(i => i.ContractDocument).HasMaxLength(300);
        b.PrimitiveCollection(i => i.ChecklistMet);
        b.HasIndex(i => new { i.OrganisationId, i.Name }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(i => i.FacilityId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Intermediary>().WithMany().HasForeignKey(i => i.ParentIntermediaryId).OnDelete(DeleteBehavior.Restrict);
    }
}
