using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

public enum PresenceStatus
{
    Pending,
    Verified,
    Refused,

    /// <summary>Was verified; the union or a verifier recorded that it is no longer there.</summary>
    Ended,
}

/// <summary>What a verifier saw before confirming a union's presence.</summary>
public enum PresenceEvidence
{
    RegistrationNumber,
    MembershipLetter,
    CollectiveAgreement,
}

/// <summary>
/// A union's claim to be present at a facility. It takes effect only when verified by someone who is
/// neither the employer nor a buyer (a platform administrator, or an initiative connected to both
/// the union and the facility): the employer's consent must never decide whether workers have a
/// union, and a buyer's neither. Facts recorded about unions by others stay findings and give no
/// union any right.
/// </summary>
public sealed class UnionPresence
{
    public const int TextMaxLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid UnionOrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    public PresenceStatus Status { get; set; } = PresenceStatus.Pending;

    /// <summary>What the union offers as evidence when it claims (a registration number, who holds the letter).</summary>
    public required string Claim { get; init; }

    public DateOnly ClaimedOn { get; init; }

    public Guid? VerifiedByOrganisationId { get; set; }

    public PresenceEvidence? EvidenceSeen { get; set; }

    /// <summary>The verifier's note of the evidence seen (a registration number, a letter's date) or the reason for refusing.</summary>
    public string? VerifierNote { get; set; }

    public DateOnly? DecidedOn { get; set; }
}

internal sealed class UnionPresenceConfiguration : IEntityTypeConfiguration<UnionPresence>
{
    public void Configure(EntityTypeBuilder<UnionPresence> b)
    {
        b.ToTable("UnionPresences");
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.EvidenceSeen).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Claim).HasMaxLength(UnionPresence.TextMaxLength);
        b.Property(p => p.VerifierNote).HasMaxLength(UnionPresence.TextMaxLength);
        b.HasIndex(p => new { p.FacilityId, p.Status });
        b.HasIndex(p => new { p.UnionOrganisationId, p.Status });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.UnionOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.VerifiedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
