using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Freedom-of-association context of a country, each figure with its year: the ITUC Global Rights
/// Index rating and the ratification of ILO C87, C98 and C177. Null means no source was found —
/// never a guess. Seeded from public sources (country-context.csv); initiatives keep it up to date.
/// </summary>
public sealed class CountryContext
{
    public required string CountryCode { get; init; }

    public required string Country { get; set; }

    /// <summary>1 to 5, or 5+.</summary>
    public string? ItucRating { get; set; }

    /// <summary>The edition of the index the rating comes from.</summary>
    public int? ItucYear { get; set; }

    public string? ItucNote { get; set; }

    /// <summary>Year of ratification, "no", or null when unknown; likewise C98 and C177.</summary>
    public string? C87Ratified { get; set; }

    public string? C98Ratified { get; set; }

    public string? C177Ratified { get; set; }

    public Guid? UpdatedByOrganisationId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CountryContextConfiguration : IEntityTypeConfiguration<CountryContext>
{
    public void Configure(EntityTypeBuilder<CountryContext> b)
    {
        b.ToTable("CountryContexts");
        b.HasKey(c => c.CountryCode);
        b.Property(c => c.CountryCode).HasMaxLength(2);
        b.Property(c => c.Country).HasMaxLength(100);
        b.Property(c => c.ItucRating).HasMaxLength(2);
        b.Property(c => c.ItucNote).HasMaxLength(300);
        b.Property(c => c.C87Ratified).HasMaxLength(4);
        b.Property(c => c.C98Ratified).HasMaxLength(4);
        b.Property(c => c.C177Ratified).HasMaxLength(4);
    }
}
