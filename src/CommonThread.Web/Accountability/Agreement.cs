using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Accountability;

public enum AgreementKind
{
    FrameworkAgreement,
    JointStatement,
    InitiativeMembership,
}

public enum CommitmentStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>
/// A global framework agreement, a joint statement or an initiative membership: its signatories,
/// which of them are accountable (a brand) and to whom (the union or initiative), and its action points.
/// </summary>
public sealed class Agreement
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public AgreementKind Kind { get; init; }

    public required string Title { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly? ReviewOn { get; set; }

    public Guid CreatedByOrganisationId { get; init; }

    public string? DocumentFileName { get; set; }

    public byte[]? Document { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A signatory. Accountable parties answer to the others.</summary>
public sealed class AgreementParty
{
    public Guid AgreementId { get; init; }

    public Guid OrganisationId { get; init; }

    public bool Accountable { get; init; }
}

/// <summary>An action point of an agreement.</summary>
public sealed class Commitment
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgreementId { get; init; }

    public int Number { get; init; }

    public required string Text { get; init; }

    public CommitmentStatus Status { get; set; }
}

/// <summary>A signatory's word on a commitment's progress.</summary>
public sealed class CommitmentComment
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CommitmentId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("Agreements");
        b.Property(a => a.Title).HasMaxLength(Agreement.TitleMaxLength);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.DocumentFileName).HasMaxLength(255);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.CreatedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.ToTable("AgreementParties");
        b.HasKey(p => new { p.AgreementId, p.OrganisationId });
        b.HasIndex(p => p.OrganisationId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("Commitments");
        b.Property(c => c.Text).HasMaxLength(Commitment.TextMaxLength);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.AgreementId, c.Number }).IsUnique();
        b.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentCommentConfiguration : IEntityTypeConfiguration<CommitmentComment>
{
    public void Configure(EntityTypeBuilder<CommitmentComment> b)
    {
        b.ToTable("CommitmentComments");
        b.Property(c => c.Text).HasMaxLength(CommitmentComment.TextMaxLength);
        b.HasIndex(c => c.CommitmentId);
        b.HasOne<Commitment>().WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
