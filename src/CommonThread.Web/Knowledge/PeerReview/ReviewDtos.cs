using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Knowledge.Library;

namespace CommonThread.Web.Knowledge.PeerReview;

public sealed record SubmissionInput
{
    [Required, StringLength(LibraryDocument.TitleMaxLength)] public string Title { get; init; } = "";

    [Required, StringLength(Submission.AuthorsMaxLength)] public string Authors { get; init; } = "";

    [Required, StringLength(LibraryDocument.SummaryMaxLength)] public string Summary { get; init; } = "";

    [Required, StringLength(LibraryDocument.TextMaxLength)] public string Text { get; init; } = "";

    /// <summary>The language it is written in, one of the platform's languages.</summary>
    [Required] public string Language { get; init; } = "";

    /// <summary>Under which licence the library will offer it once published.</summary>
    [Required] public Licence? Licence { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries it is about.</summary>
    public List<string>? Countries { get; init; }

    public bool GenderData { get; init; }
}

/// <summary>The editor asks a person of a member organisation (found by e-mail) to review, by a day.</summary>
public sealed record ReviewerRequest([property: Required] string? Email, [property: Required] DateOnly? DueOn);

public sealed record ReviewInput
{
    [Required] public ReviewVerdict? Verdict { get; init; }

    /// <summary>To the authors: shown to them with the decision and published with the paper, without the reviewer's name.</summary>
    [Required, StringLength(ReviewTask.CommentsMaxLength)] public string ToAuthors { get; init; } = "";

    /// <summary>To the editor alone.</summary>
    [StringLength(ReviewTask.CommentsMaxLength)] public string? ToEditor { get; init; }
}

public sealed record DecisionInput
{
    [Required] public ReviewVerdict? Decision { get; init; }

    [Required, StringLength(ReviewRound.LetterMaxLength)] public string Letter { get; init; } = "";
}

/// <summary>The authors' revised text with their answer to the reviews; title and summary stay as they were when left out.</summary>
public sealed record RevisionInput
{
    [StringLength(LibraryDocument.TitleMaxLength)] public string? Title { get; init; }

    [StringLength(LibraryDocument.SummaryMaxLength)] public string? Summary { get; init; }

    [Required, StringLength(LibraryDocument.TextMaxLength)] public string Text { get; init; } = "";

    [Required, StringLength(ReviewRound.LetterMaxLength)] public string Response { get; init; } = "";
}

/// <summary>The caller's part in a submission, which decides what of it they read.</summary>
public enum SubmissionRole
{
    Author,
    Editor,
    Reviewer,
}

public sealed record SubmissionSummary(Guid Id, Guid NetworkId, string Title, string Authors, string AuthorOrganisation, SubmissionStatus Status, int Round,
    DateTimeOffset SubmittedAt, SubmissionRole YourRole, DateOnly? YourReviewDue);

/// <summary>A reviewer's identity, for the editor alone.</summary>
public sealed record ReviewerIdentity(string Name, string Email, string Organisation);

/// <summary>A review as the caller may read it: the authors read it numbered, after the decision; only the editor reads who wrote it and what they wrote to the editor.</summary>
public sealed record ReviewView(Guid Id, int Number, ReviewTaskStatus Status, DateOnly DueOn, ReviewVerdict? Verdict, string? ToAuthors, string? ToEditor, ReviewerIdentity? Reviewer);

public sealed record RoundView(int Number, string Text, string? Response, DateTimeOffset OpenedAt, ReviewVerdict? Decision, string? Letter, DateOnly? DecidedOn,
    IReadOnlyList<ReviewView> Reviews);

public sealed record SubmissionView(SubmissionSummary Submission, string NetworkTitle, string Summary, string Language, Licence Licence, bool GenderData,
    IReadOnlyList<string> Countries, IReadOnlyList<RoundView> Rounds, Guid? PublishedDocumentId);

/// <summary>The review record published with a paper: its rounds, decisions, the authors' answers and the reviews, reviewers numbered, never named.</summary>
public sealed record ReviewRecord(Guid SubmissionId, string Network, string Editor, string Authors, DateOnly SubmittedOn, IReadOnlyList<RecordRound> Rounds);

public sealed record RecordRound(int Number, string? Response, ReviewVerdict? Decision, string? Letter, DateOnly? DecidedOn, IReadOnlyList<RecordReview> Reviews);

public sealed record RecordReview(int Number, ReviewVerdict? Verdict, string? ToAuthors);
