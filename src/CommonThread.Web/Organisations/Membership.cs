using CommonThread.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Organisations;

/// <summary>A person's role in one organisation. A person may belong to several.</summary>
public sealed class Membership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string UserId { get; init; }

    public MemberRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; init; }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("Memberships");
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
