using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Grievances;

/// <summary>A photo, document or voice note sent with a report; its name and bytes are encrypted under the case's key.</summary>
public sealed class CaseAttachment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    public required byte[] Name { get; init; }

    public required byte[] Content { get; init; }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.ToTable("CaseAttachments");
        b.Property(a => a.ContentType).HasMaxLength(64);
        b.HasIndex(a => a.CaseId);
        b.HasOne<GrievanceCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
