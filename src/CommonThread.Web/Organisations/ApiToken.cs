using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Organisations;

/// <summary>
/// A bearer token for API clients: acts for the member who made it, within one organisation, with
/// at most the role it was given. Only a SHA-256 hash of the secret is kept (the secret is 256
/// random bits, so a fast hash is enough; slow hashes are for guessable secrets).
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    public MemberRole Role { get; init; }

    /// <summary>The first characters of the token, shown in lists so a person can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    public required string SecretHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        b.Property(t => t.Role).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.SecretHash).HasMaxLength(64);
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasIndex(t => t.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
