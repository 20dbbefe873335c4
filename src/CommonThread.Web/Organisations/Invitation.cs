using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Organisations;

/// <summary>
/// An invitation to join an organisation, for someone with or without an account; they join only by
/// accepting it (with the link, or signed in as the invited address). The link's secret is stored only as a hash,
/// so a database reader cannot accept invitations.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string Email { get; init; }

    public MemberRole Role { get; init; }

    public required string SecretHash { get; init; }

    public required string InvitedByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.SecretHash).HasMaxLength(64);
        b.HasIndex(i => i.SecretHash).IsUnique();
        b.HasIndex(i => i.Email); // the invited person finds their invitations by their account's address
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
