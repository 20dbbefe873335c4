using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

/// <summary>
/// A legal minimum wage, as an hourly figure, for a country or one of its regions from a date on.
/// Initiatives keep the table; the row in force on a work order's issue date is the one it is checked against.
/// </summary>
public sealed class MinimumWage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string CountryCode { get; init; }

    /// <summary>Null for the whole country; a region's own rate wins over the country's.</summary>
    public string? Region { get; init; }

    public decimal HourlyRate { get; init; }

    public required string Currency { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    /// <summary>The law or notice, and how a monthly figure was turned into an hourly one.</summary>
    public required string Source { get; init; }

    public Guid? RecordedByOrganisationId { get; init; }
}

internal sealed class MinimumWageConfiguration : IEntityTypeConfiguration<MinimumWage>
{
    public void Configure(EntityTypeBuilder<MinimumWage> b)
    {
        b.ToTable("MinimumWages");
        b.Property(w => w.CountryCode).HasMaxLength(2);
        b.Property(w => w.Region).HasMaxLength(80);
        b.Property(w => w.Currency).HasMaxLength(3);
        b.Property(w => w.HourlyRate).HasPrecision(14, 4);
        b.Property(w => w.Source).HasMaxLength(500);
        b.HasIndex(w => new { w.CountryCode, w.Region, w.EffectiveFrom }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.RecordedByOrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
