using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Assessments;

/// <summary>
/// The answers to one assignment: a draft while the respondent works on it, then the submission
/// (only relevant answers and calculations, checked against the form) with its score.
/// </summary>
public sealed class AssessmentResponse
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AssignmentId { get; init; }

    /// <summary>FormAnswers as JSON: what was typed, kept between visits.</summary>
    public string Answers { get; set; } = "{}";

    /// <summary>The language the respondent filled it in.</summary>
    public string Language { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedByUserId { get; set; }

    public double? ScorePoints { get; set; }

    public double? ScoreMaximum { get; set; }

    public double? ScorePercent { get; set; }

    /// <summary>Section scores as JSON (name, label, points, maximum).</summary>
    public string? SectionScores { get; set; }

    /// <summary>The submitted answers the form says point to a risk (<see cref="RiskFromAnswers"/>), as JSON; null when none does.</summary>
    public string? RiskSignals { get; set; }
}

internal sealed class AssessmentResponseConfiguration : IEntityTypeConfiguration<AssessmentResponse>
{
    public void Configure(EntityTypeBuilder<AssessmentResponse> b)
    {
        b.ToTable("AssessmentResponses");
        b.Property(r => r.Language).HasMaxLength(100);
        b.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        b.HasIndex(r => r.AssignmentId).IsUnique();
        b.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
