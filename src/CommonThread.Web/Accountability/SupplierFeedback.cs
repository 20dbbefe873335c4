using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Accountability;

/// <summary>
/// A supplier facility asked to rate a brand's purchasing practices in a round. It records that an
/// answer was given — never which answer, nor when — so a facility answers once.
/// </summary>
public sealed class FeedbackInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RoundId { get; init; }

    public Guid BrandOrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    public Guid SupplierOrganisationId { get; init; }

    public bool Answered { get; set; }
}

/// <summary>
/// One supplier's ratings of one brand (or the brand's own self-assessment). Deliberately without
/// facility, invitation, respondent or time: its id is random, not time-ordered, so not even the
/// database's order tells who answered when.
/// </summary>
public sealed class FeedbackResponse
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid RoundId { get; init; }

    public Guid BrandOrganisationId { get; init; }

    /// <summary>The brand rating itself: never counted with suppliers' answers.</summary>
    public bool SelfAssessment { get; init; }

    /// <summary>The overall score, 0–100.</summary>
    public double Overall { get; init; }
}

/// <summary>A response's score, 0–100, for one category of purchasing practice.</summary>
public sealed class FeedbackScore
{
    public Guid ResponseId { get; init; }

    public required string Category { get; init; }

    public double Score { get; init; }
}

/// <summary>
/// A supplier's free text about a brand, kept apart from its scores (no response id) so a comment
/// cannot be tied back to a set of ratings. Shown to the brand only once released, with the
/// threshold met, and — if it may identify its writer — after the initiative redacted it.
/// </summary>
public sealed class FeedbackComment
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid RoundId { get; init; }

    public Guid BrandOrganisationId { get; init; }

    public required string Category { get; init; }

    public required string Text { get; set; }

    /// <summary>Why it may identify its writer ("an e-mail address, a factory's name"); null when nothing was found.</summary>
    public string? Flags { get; set; }

    /// <summary>The initiative read the flagged text and redacted it or found it safe.</summary>
    public bool Cleared { get; set; }

    /// <summary>
    /// Its answers were counted in a release: it may be shown from then on (once cleared, if flagged),
    /// never before, so a lone late comment cannot be lined up with a lone late answer.
    /// </summary>
    public bool InBatch { get; set; }

    /// <summary>The release that first showed it; null until then.</summary>
    public int? ReleasedInCycle { get; set; }
}

/// <summary>
/// What a brand's feedback came to at a release: counted and averaged then, so answers given after
/// a release stay out of sight until the next. A null brand holds the all-brand average.
/// </summary>
public sealed class FeedbackResult
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RoundId { get; init; }

    public Guid? BrandOrganisationId { get; init; }

    /// <summary>A category, or "overall".</summary>
    public required string Category { get; init; }

    /// <summary>Responses behind it; for the all-brand average, brands behind it.</summary>
    public int Count { get; init; }

    public double Score { get; init; }
}

internal sealed class FeedbackInvitationConfiguration : IEntityTypeConfiguration<FeedbackInvitation>
{
    public void Configure(EntityTypeBuilder<FeedbackInvitation> b)
    {
        b.ToTable("FeedbackInvitations");
        b.HasIndex(i => new { i.RoundId, i.BrandOrganisationId, i.FacilityId }).IsUnique();
        b.HasIndex(i => i.SupplierOrganisationId);
        b.HasOne<MonitoringRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.SupplierOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Facility>().WithMany().HasForeignKey(i => i.FacilityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackResponseConfiguration : IEntityTypeConfiguration<FeedbackResponse>
{
    public void Configure(EntityTypeBuilder<FeedbackResponse> b)
    {
        b.ToTable("FeedbackResponses");
        b.HasIndex(r => new { r.RoundId, r.BrandOrganisationId });
        b.HasOne<MonitoringRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackScoreConfiguration : IEntityTypeConfiguration<FeedbackScore>
{
    public void Configure(EntityTypeBuilder<FeedbackScore> b)
    {
        b.ToTable("FeedbackScores");
        b.HasKey(s => new { s.ResponseId, s.Category });
        b.Property(s => s.Category).HasMaxLength(64);
        b.HasOne<FeedbackResponse>().WithMany().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackCommentConfiguration : IEntityTypeConfiguration<FeedbackComment>
{
    public void Configure(EntityTypeBuilder<FeedbackComment> b)
    {
        b.ToTable("FeedbackComments");
        b.Property(c => c.Category).HasMaxLength(64);
        b.Property(c => c.Text).HasMaxLength(FeedbackComment.TextMaxLength);
        b.Property(c => c.Flags).HasMaxLength(500);
        b.HasIndex(c => new { c.RoundId, c.BrandOrganisationId });
        b.HasOne<MonitoringRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackResultConfiguration : IEntityTypeConfiguration<FeedbackResult>
{
    public void Configure(EntityTypeBuilder<FeedbackResult> b)
    {
        b.ToTable("FeedbackResults");
        b.Property(r => r.Category).HasMaxLength(64);
        b.HasIndex(r => new { r.RoundId, r.BrandOrganisationId });
        b.HasOne<MonitoringRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
