using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Human-rights context of a country, each figure with its year: the ITUC Global Rights Index rating and
/// the ratification of the ILO conventions a due-diligence risk rests on (C87, C98 freedom of association;
/// C29, C105 forced labour; C138, C182 child labour; C155, C187 safety and health; C177 home work; C190
/// violence and harassment). Null means no source was found — never a guess. Seeded from public sources
/// (country-context.csv); initiatives keep it up to date and say where each change comes from.
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

    public string? C29Ratified { get; set; }

    public string? C105Ratified { get; set; }

    public string? C138Ratified { get; set; }

    public string? C182Ratified { get; set; }

    public string? C155Ratified { get; set; }

    public string? C187Ratified { get; set; }

    public string? C190Ratified { get; set; }

    /// <summary>Where the figures come from (e.g. "ILO NORMLEX, 2026-03; ITUC GRI 2025").</summary>
    public string? Sources { get; set; }

    /// <summary>A convention's ratification by its ILO number, as the risk method names its inputs.</summary>
    public string? Ratification(int convention) => convention switch
    {
        87 => C87Ratified, 98 => C98Ratified, 177 => C177Ratified, 29 => C29Ratified, 105 => C105Ratified, 138 => C138Ratified,
        182 => C182Ratified, 155 => C155Ratified, 187 => C187Ratified, 190 => C190Ratified,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "not a convention the country context keeps"),
    };

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
        b.Property(c => c.C29Ratified).HasMaxLength(4);
        b.Property(c => c.C105Ratified).HasMaxLength(4);
        b.Property(c => c.C138Ratified).HasMaxLength(4);
        b.Property(c => c.C182Ratified).HasMaxLength(4);
        b.Property(c => c.C155Ratified).HasMaxLength(4);
        b.Property(c => c.C187Ratified).HasMaxLength(4);
        b.Property(c => c.C190Ratified).HasMaxLength(4);
        b.Property(c => c.Sources).HasMaxLength(300);
    }
}
