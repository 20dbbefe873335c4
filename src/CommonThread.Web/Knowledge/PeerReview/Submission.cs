using CommonThread.Data;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Knowledge.PeerReview;

public enum SubmissionStatus
{
    UnderReview,
    RevisionsRequested,
    Accepted,
    Rejected,
    Withdrawn,
    Published,
}

/// <summary>What a reviewer recommends, and what the editor decides at the end of a round.</summary>
public enum ReviewVerdict
{
    Accept,
    MinorRevisions,
    MajorRevisions,
    Reject,
}

/// <summary>A reviewer's part in one round: asked by the editor, then declined or written.</summary>
public enum ReviewTaskStatus
{
    Asked,
    Declined,
    Submitted,
}

/// <summary>
/// A piece of research a member organisation of a research network submits for peer review. The network's convener is its
/// editor; people of the other member organisations review it. Until it is published it is read by its authors'
/// organisation, the editor and its reviewers only; once published it joins the public library with its review record,
/// in which reviewers are numbered, never named.
/// </summary>
public sealed class Submission
{
    public const int AuthorsMaxLength = 500;
    public const int CountriesMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid NetworkId { get; init; }

    public Guid AuthorOrganisationId { get; init; }

    public required string Title { get; set; }

    /// <summary>The authors as they want to be credited: their organisation submits, the people are named by their own choice.</summary>
    public required string Authors { get; set; }

    public required string Summary { get; set; }

    public required string Language { get; init; }

    public Licence Licence { get; init; }

    public bool GenderData { get; init; }

    /// <summary>The countries it is about, as ISO codes separated by commas.</summary>
    public required string Countries { get; init; }

    /// <summary>The countries' codes, read from <see cref="Countries"/>.</summary>
    public IReadOnlyList<string> CountryCodes => Countries.Length == 0 ? [] : Countries.Split(',');

    public SubmissionStatus Status { get; set; }

    /// <summary>The round under way, or the last one: 1 on submission, one more with each revision.</summary>
    public int Round { get; set; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The library document it became, once published.</summary>
    public Guid? PublishedDocumentId { get; set; }
}

/// <summary>One round of review: the text reviewed in it, the authors' answer to the round before, and the editor's decision.</summary>
public sealed class ReviewRound
{
    public const int LetterMaxLength = 20_000;

    public Guid SubmissionId { get; init; }

    public int Number { get; init; }

    public required string Text { get; init; }

    /// <summary>How the authors answered the reviews of the round before; null in the first round.</summary>
    public string? Response { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public ReviewVerdict? Decision { get; set; }

    /// <summary>The editor's letter to the authors with the decision.</summary>
    public string? Letter { get; set; }

    public DateOnly? DecidedOn { get; set; }
}

/// <summary>
/// A person asked to review a submission in one round. Who they are is for the editor alone: the authors, the other
/// reviewers and the public read them as "Reviewer 1", numbered in the order they were first asked.
/// </summary>
public sealed class ReviewTask
{
    public const int CommentsMaxLength = 50_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SubmissionId { get; init; }

    public int Round { get; init; }

    public required string ReviewerUserId { get; init; }

    /// <summary>The member organisation the reviewer belongs to, in which the reviewer reads the submission.</summary>
    public Guid ReviewerOrganisationId { get; init; }

    /// <summary>The reviewer's number on this submission, the same in every round.</summary>
    public int Number { get; init; }

    public DateOnly AskedOn { get; init; }

    public DateOnly DueOn { get; init; }

    public ReviewTaskStatus Status { get; set; }

    public ReviewVerdict? Verdict { get; set; }

    /// <summary>What the reviewer writes to the authors: shown to them after the decision, and published with the paper.</summary>
    public string? ToAuthors { get; set; }

    /// <summary>What the reviewer writes to the editor alone: never shown to the authors, other reviewers or the public.</summary>
    public string? ToEditor { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("ReviewSubmissions");
        b.Property(s => s.Title).HasMaxLength(LibraryDocument.TitleMaxLength);
        b.Property(s => s.Authors).HasMaxLength(Submission.AuthorsMaxLength);
        b.Property(s => s.Summary).HasMaxLength(LibraryDocument.SummaryMaxLength);
        b.Property(s => s.Language).HasMaxLength(16);
        b.Property(s => s.Countries).HasMaxLength(Submission.CountriesMaxLength);
        b.Property(s => s.Licence).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(s => new { s.NetworkId, s.Status });
        b.HasIndex(s => s.AuthorOrganisationId);
        b.HasIndex(s => s.PublishedDocumentId);
        b.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.AuthorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LibraryDocument>().WithMany().HasForeignKey(s => s.PublishedDocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> b)
    {
        b.ToTable("ReviewRounds");
        b.HasKey(r => new { r.SubmissionId, r.Number });
        b.Property(r => r.Text).HasMaxLength(LibraryDocument.TextMaxLength);
        b.Property(r => r.Response).HasMaxLength(ReviewRound.LetterMaxLength);
        b.Property(r => r.Letter).HasMaxLength(ReviewRound.LetterMaxLength);
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Submission>().WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    public void Configure(EntityTypeBuilder<ReviewTask> b)
    {
        b.ToTable("ReviewTasks");
        b.Property(t => t.ReviewerUserId).HasMaxLength(450);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(t => t.Verdict).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.ToAuthors).HasMaxLength(ReviewTask.CommentsMaxLength);
        b.Property(t => t.ToEditor).HasMaxLength(ReviewTask.CommentsMaxLength);
        b.HasIndex(t => new { t.SubmissionId, t.Round, t.ReviewerUserId }).IsUnique();
        b.HasIndex(t => new { t.ReviewerUserId, t.Status });
        b.HasOne<Submission>().WithMany().HasForeignKey(t => t.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.ReviewerUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.ReviewerOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
