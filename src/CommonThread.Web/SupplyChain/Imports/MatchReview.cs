using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain.Imports;

public enum ReviewStatus
{
    Pending,

    /// <summary>The person said the row is the candidate facility: the row was linked to it.</summary>
    Confirmed,

    /// <summary>The person said it is a different place: the row became a new facility.</summary>
    Rejected,
}

/// <summary>
/// An imported row the matcher was not sure about, waiting for a person to compare it with the
/// candidate facility side by side. The row is kept whole so the decision can write it later.
/// </summary>
public sealed class MatchReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid ImportId { get; init; }

    public int RowNumber { get; init; }

    /// <summary>Folded name, address and country: the same row in a later import does not queue twice.</summary>
    public required string RowKey { get; init; }

    /// <summary>The <see cref="ImportRow"/> as JSON.</summary>
    public required string RowJson { get; init; }

    public Guid CandidateFacilityId { get; init; }

    public double Confidence { get; init; }

    /// <summary>
    /// The matcher's reasons, part by part, as JSON (see <see cref="ReviewEvidence"/>). Null on reviews queued
    /// before the reasons were kept. Text, not columns: the matcher adds parts without a schema change.
    /// </summary>
    public string? EvidenceJson { get; init; }

    public ReviewStatus Status { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The facility the row was linked to once decided: the candidate, or the new one.</summary>
    public Guid? ResultFacilityId { get; set; }
}

internal sealed class MatchReviewConfiguration : IEntityTypeConfiguration<MatchReview>
{
    public void Configure(EntityTypeBuilder<MatchReview> b)
    {
        b.ToTable("MatchReviews");
        b.Property(r => r.RowKey).HasMaxLength(800);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DecidedByUserId).HasMaxLength(64);
        b.HasIndex(r => new { r.OrganisationId, r.Status });
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FacilityImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(r => r.CandidateFacilityId).OnDelete(DeleteBehavior.Cascade);
    }
}
