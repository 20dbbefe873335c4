using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Platform.Data;

/// <summary>
/// One row per area of data that some node keeps a picture of in memory (a chain of 20,000 facilities,
/// say): its <see cref="Version"/> takes a new random value in the same transaction as any change to the
/// area's tables, so a picture made at one version is known to be stale as soon as that change commits,
/// on every node. A random value rather than a counter: a counter could be read between two transactions
/// that got their numbers in one order and committed in the other.
/// </summary>
public sealed class ChangeStamp
{
    public required string Area { get; init; }

    public Guid Version { get; set; }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.ToTable("ChangeStamps");
        builder.HasKey(s => s.Area);
        builder.Property(s => s.Area).HasMaxLength(64);
    }
}
