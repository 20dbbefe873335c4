using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.DueDiligence.RiskMethods;

/// <summary>
/// A country risk method an initiative published: its own weights for the inputs the country context records, per
/// issue, with a version and the date it applies from. A published version never changes (a reader who saw a score
/// can find what made it); a change is a new version.
/// </summary>
public sealed class PublishedRiskMethod
{
    public const int NameMaxLength = 100;
    public const int VersionMaxLength = 20;
    public const int AboutMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PublisherOrganisationId { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public required string About { get; init; }

    /// <summary>The weights as JSON: issue → input → weight (see <see cref="CountryRiskMethod.Problems"/>).</summary>
    public required string Weights { get; init; }

    public DateTimeOffset PublishedAt { get; init; }
}

/// <summary>The method an organisation's register scores country risk by; no row: the platform's own.</summary>
public sealed class RiskMethodChoice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid MethodId { get; set; }

    public DateTimeOffset ChosenAt { get; set; }
}

internal sealed class PublishedRiskMethodConfiguration : IEntityTypeConfiguration<PublishedRiskMethod>, IEntityTypeConfiguration<RiskMethodChoice>
{
    public void Configure(EntityTypeBuilder<PublishedRiskMethod> b)
    {
        b.ToTable("RiskMethods");
        b.Property(m => m.Name).HasMaxLength(PublishedRiskMethod.NameMaxLength);
        b.Property(m => m.Version).HasMaxLength(PublishedRiskMethod.VersionMaxLength);
        b.Property(m => m.About).HasMaxLength(PublishedRiskMethod.AboutMaxLength);
        b.HasIndex(m => new { m.PublisherOrganisationId, m.Name, m.Version }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.PublisherOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RiskMethodChoice> b)
    {
        b.ToTable("RiskMethodChoices");
        b.HasIndex(c => c.OrganisationId).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PublishedRiskMethod>().WithMany().HasForeignKey(c => c.MethodId).OnDelete(DeleteBehavior.Restrict);
    }
}
