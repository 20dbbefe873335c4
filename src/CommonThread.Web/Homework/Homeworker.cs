using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

public enum HomeworkerGender
{
    Woman,
    Man,
    Other,
}

public enum ProofOfAge
{
    BirthCertificate,
    NationalIdentityCard,
    Passport,
    SchoolCertificate,
    MedicalCertificate,
    Other,
}

public enum SocialSecurityStatus
{
    NotEnrolled,
    Applied,
    Enrolled,
}

/// <summary>
/// A person who does work at home for a supplier, registered by the organisation that gives them
/// work (the supplier, or an intermediary on the platform). The proof of age is recorded as what
/// was seen and when, never as a copy of the document.
/// </summary>
public sealed class Homeworker
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The organisation that keeps this register entry.</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>The facility whose work the homeworker does.</summary>
    public Guid? FacilityId { get; set; }

    /// <summary>Through whom work reaches the homeworker; null when the facility gives it directly.</summary>
    public Guid? IntermediaryId { get; set; }

    public required string Name { get; set; }

    public HomeworkerGender Gender { get; set; }

    public DateOnly BirthDate { get; set; }

    public ProofOfAge ProofOfAge { get; set; }

    public DateOnly ProofOfAgeCheckedOn { get; set; }

    public required string Address { get; set; }

    /// <summary>Village, ward or area: what brands see counts by.</summary>
    public required string Area { get; set; }

    public required string CountryCode { get; set; }

    /// <summary>Region for the legal minimum wage where it differs within the country (e.g. an Indian state).</summary>
    public string? Region { get; set; }

    public string? Phone { get; set; }

    public string? Skills { get; set; }

    public DateOnly RegisteredOn { get; init; }

    public SocialSecurityStatus SocialSecurity { get; set; }

    public string? SocialSecurityNumber { get; set; }

    public string? TrainingReceived { get; set; }

    public bool PotableWater { get; set; }

    public bool AdequateLighting { get; set; }

    public bool ProtectiveEquipment { get; set; }

    public bool DirectEmploymentOffered { get; set; }

    /// <summary>Work agreed per month, in standard minutes: regular work is checked against it.</summary>
    public int MonthlyQuotaMinutes { get; set; }

    /// <summary>Language of the passbook and payslips.</summary>
    public string Language { get; set; } = "en";

    /// <summary>SHA-256 of the homeworker's personal passbook code; the code itself is shown once.</summary>
    public string? PassbookCodeHash { get; set; }

    /// <summary>Name, birth date and area compared without case and spacing: registering a person twice is refused.</summary>
    public required string IdentityKey { get; set; }
}

internal sealed class HomeworkerConfiguration : IEntityTypeConfiguration<Homeworker>
{
    public void Configure(EntityTypeBuilder<Homeworker> b)
    {
        b.ToTable("Homeworkers");
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.Gender).HasConversion<string>().HasMaxLength(8);
        b.Property(h => h.ProofOfAge).HasConversion<string>().HasMaxLength(24);
        b.Property(h => h.SocialSecurity).HasConversion<string>().HasMaxLength(12);
        b.Property(h => h.Address).HasMaxLength(300);
        b.Property(h => h.Area).HasMaxLength(120);
        b.Property(h => h.CountryCode).HasMaxLength(2);
        b.Property(h => h.Region).HasMaxLength(80);
        b.Property(h => h.Phone).HasMaxLength(40);
        b.Property(h => h.Skills).HasMaxLength(300);
        b.Property(h => h.SocialSecurityNumber).HasMaxLength(60);
        b.Property(h => h.TrainingReceived).HasMaxLength(500);
        b.Property(h => h.Language).HasMaxLength(8);
        b.Property(h => h.PassbookCodeHash).HasMaxLength(64);
        b.Property(h => h.IdentityKey).HasMaxLength(340);
        b.HasIndex(h => new { h.OrganisationId, h.IdentityKey }).IsUnique();
        b.HasIndex(h => h.PassbookCodeHash).IsUnique();
        // Also answers "does this keeper have homeworkers at this facility" when figures are forgotten.
        b.HasIndex(h => new { h.FacilityId, h.OrganisationId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(h => h.FacilityId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Intermediary>().WithMany().HasForeignKey(h => h.IntermediaryId).OnDelete(DeleteBehavior.Restrict);
    }
}
