using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Accountability;

public enum IndicatorKind
{
    Number,
    Percentage,
    YesNo,
    Scale,
    Text,
}

/// <summary>Which way is better: more (training hours) or less (days to pay).</summary>
public enum GoodDirection
{
    Higher,
    Lower,
}

/// <summary>Shared indicators, grouped under the commitments they measure; one framework serves every brand of a round.</summary>
public sealed class IndicatorFramework
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The initiative that keeps it; null for the starter framework everyone may use.</summary>
    public Guid? OwnerOrganisationId { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class Indicator
{
    public const int NameMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FrameworkId { get; init; }

    /// <summary>The commitment it is grouped under ("Payment terms").</summary>
    public required string Commitment { get; init; }

    /// <summary>Short and stable, used in files and the API ("PT2").</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public IndicatorKind Kind { get; init; }

    public string? Unit { get; init; }

    public GoodDirection Direction { get; init; }

    /// <summary>For numbers, percentages and scales: the value to reach; for yes/no: 1 when "yes" is the target.</summary>
    public decimal? Target { get; init; }

    /// <summary>For a scale: its top (1 to this).</summary>
    public int? ScaleMax { get; init; }

    public bool EvidenceRequired { get; init; }

    public int Order { get; init; }

    /// <summary>Whether a reported value reaches the target; null when there is no target or no value.</summary>
    public bool? Meets(decimal? value) => Target is not { } target || value is not { } v || Kind == IndicatorKind.Text
        ? null
        : Direction == GoodDirection.Higher ? v >= target : v <= target;
}

internal sealed class IndicatorFrameworkConfiguration : IEntityTypeConfiguration<IndicatorFramework>
{
    public void Configure(EntityTypeBuilder<IndicatorFramework> b)
    {
        b.ToTable("IndicatorFrameworks");
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Description).HasMaxLength(2000);
        b.HasIndex(f => f.OwnerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("Indicators");
        b.Property(i => i.Commitment).HasMaxLength(200);
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
        b.Property(i => i.Unit).HasMaxLength(50);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Direction).HasConversion<string>().HasMaxLength(8);
        b.Property(i => i.Target).HasPrecision(18, 4);
        b.HasIndex(i => new { i.FrameworkId, i.Code }).IsUnique();
        b.HasOne<IndicatorFramework>().WithMany().HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
