using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Grievances;

public enum GrievanceCategory
{
    WagesAndPayment,
    WorkingHours,
    FreedomOfAssociation,
    HarassmentAndGenderBasedViolence,
    HealthAndSafety,
    ChildOrForcedLabour,
    Dismissal,
    HomeworkPayment,
    Retaliation,
    Other,
}

public enum CaseStatus
{
    Received,
    Acknowledged,
    UnderInvestigation,
    RemedyProposed,
    RemedyAgreed,
    RemedyImplemented,
    Closed,
    Rejected,
    Escalated,
}

public enum ReporterGender
{
    NotGiven,
    Woman,
    Man,
    Other,
}

/// <summary>
/// One grievance. What the reporter wrote and who they are are stored only encrypted, under the case's
/// own key (<see cref="WrappedKey"/>, itself encrypted with the key kept outside the database). Dates
/// are days: nothing here tells the hour a worker reported. The id is random, not time-ordered, for the same reason.
/// </summary>
public sealed class GrievanceCase
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid MechanismId { get; init; }

    public Guid? FacilityId { get; init; }

    /// <summary>A reference the reporter and the parties can quote, such as GR-7K4M2Q; it cannot open the case.</summary>
    public required string Reference { get; init; }

    /// <summary>Argon2id of the receipt code: the only way back into the case for the reporter.</summary>
    public required byte[] ReceiptHash { get; init; }

    /// <summary>SHA-256 of the form's one-time submission id, nonce and origin (<see cref="IntakeService.SubmissionHash"/>): a resubmitted form finds its case instead of making another.</summary>
    public required byte[] SubmissionHash { get; init; }

    public GrievanceCategory Category { get; init; }

    public CaseStatus Status { get; set; }

    public bool Anonymous { get; init; }

    public bool Urgent { get; set; }

    /// <summary>An earlier case this one follows up, such as retaliation against its reporter.</summary>
    public Guid? RelatedCaseId { get; init; }

    public ReporterGender ReporterGender { get; init; }

    /// <summary>The language the reporter wrote in and reads replies in.</summary>
    public required string Language { get; init; }

    public DateOnly ReceivedOn { get; init; }

    public DateOnly AcknowledgeBy { get; init; }

    public DateOnly FeedbackBy { get; init; }

    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>The first day a party wrote to the reporter.</summary>
    public DateOnly? FirstFeedbackOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>
    /// The reporter's answer, from their follow-up page once there is an outcome: satisfied with it or not.
    /// Undated on purpose, like everything the reporter does; a later answer replaces an earlier one.
    /// </summary>
    public bool? ReporterSatisfied { get; set; }

    /// <summary>When the parties were told the closed case will be deleted (see <see cref="CaseRetention"/>).</summary>
    public DateOnly? DeletionAnnouncedOn { get; set; }

    public required byte[] WrappedKey { get; init; }

    /// <summary>The report's text, encrypted.</summary>
    public required byte[] Report { get; init; }

    /// <summary>Name and contact of a named reporter, encrypted; null when anonymous.</summary>
    public byte[]? ReporterIdentity { get; init; }

    /// <summary>The kinds of party the reporter allowed to see who they are.</summary>
    public PartyKinds IdentityVisibleTo { get; init; }
}

internal sealed class GrievanceCaseConfiguration : IEntityTypeConfiguration<GrievanceCase>
{
    public void Configure(EntityTypeBuilder<GrievanceCase> b)
    {
        b.ToTable("GrievanceCases");
        b.Property(c => c.Reference).HasMaxLength(16);
        b.Property(c => c.ReceiptHash).HasMaxLength(32);
        b.Property(c => c.SubmissionHash).HasMaxLength(32);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.ReporterGender).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.IdentityVisibleTo).HasConversion<int>();
        b.HasIndex(c => c.ReceiptHash).IsUnique();
        b.HasIndex(c => c.SubmissionHash).IsUnique();
        b.HasIndex(c => c.Reference).IsUnique();
        b.HasIndex(c => new { c.MechanismId, c.Status });
        b.HasOne<GrievanceMechanism>().WithMany().HasForeignKey(c => c.MechanismId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrievanceCase>().WithMany().HasForeignKey(c => c.RelatedCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
