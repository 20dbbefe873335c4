using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Platform.Api;

/// <summary>
/// One rate limit's state for one key, shared by every node: the "theoretical arrival time" of the generic
/// cell rate algorithm, in Unix milliseconds. The key is a keyed hash (<see cref="SharedLimits.Key"/>): no
/// address, user id or receipt code is stored, and the row is deleted once its allowance is whole again.
/// </summary>
public sealed class RateAllowance
{
    public required string Key { get; init; }

    public long Tat { get; set; }
}

internal sealed class RateAllowanceConfiguration : IEntityTypeConfiguration<RateAllowance>
{
    public void Configure(EntityTypeBuilder<RateAllowance> b)
    {
        b.ToTable("RateAllowances");
        b.HasKey(a => a.Key);
        b.Property(a => a.Key).HasMaxLength(80);
        b.HasIndex(a => a.Tat);
    }
}
