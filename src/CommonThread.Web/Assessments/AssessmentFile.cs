using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Assessments;

/// <summary>
/// A photo or document given as the answer to an image or file question of an assignment, kept like
/// other evidence: one per answer key (question#instance inside a repeat), replaced when uploaded again.
/// The answer itself is the file's name, as in ODK and KoboToolbox exports.
/// </summary>
public sealed class AssessmentFile
{
    public const int KeyMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AssignmentId { get; init; }

    public string QuestionKey { get; init; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class AssessmentFileConfiguration : IEntityTypeConfiguration<AssessmentFile>
{
    public void Configure(EntityTypeBuilder<AssessmentFile> b)
    {
        b.ToTable("AssessmentFiles");
        b.Property(f => f.QuestionKey).HasMaxLength(AssessmentFile.KeyMaxLength);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.HasIndex(f => new { f.AssignmentId, f.QuestionKey }).IsUnique();
        b.HasOne<Assignment>().WithMany().HasForeignKey(f => f.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
