using CommonThread.Matching;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// An import as its organisation sees it. <c>SameFileAsImportId</c>: an earlier completed import of the very same file.
/// <c>KnownRows</c>: rows earlier imports had settled (linked, decided in review or still waiting there), which a re-import follows.
/// </summary>
public sealed record ImportDto(Guid Id, string FileName, ImportStatus Status, int TotalRows, int ValidRows, int ProblemCount, string? UploadedBy,
    DateTimeOffset UploadedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Failure, ImportProgressDto? Progress,
    int MatchedRows, int NewFacilities, int ReviewRows, int LinksCreated, int LinksUpdated, int FoaFactsRecorded, Guid? SameFileAsImportId, int KnownRows)
{
    /// <summary>
    /// The rows counted by outcome (on the import itself, not in lists): planned once the preview is worked out,
    /// what happened once completed; null while the preview is being worked out or the import runs.
    /// </summary>
    public ImportRowTotalsDto? Rows { get; init; }
}

/// <summary>
/// <c>Stage</c> "planned" (the preview: what starting would do, worked out at <c>At</c>) or "done" (what the run did).
/// <c>FileProblem</c>: why the preview could not be worked out, when it could not.
/// </summary>
public sealed record ImportRowTotalsDto(string Stage, DateTimeOffset? At, int Matched, int New, int Review, int Known, int Problem, string? FileProblem)
{
    public int Total => Matched + New + Review + Known + Problem;
}

/// <summary>A facility as the registry has it: what any organisation may see of a facility its row matched.</summary>
public sealed record RegistryFacilityDto(Guid Id, string Name, string Address, string CountryCode, string? OsId);

/// <summary>
/// One row's outcome. <c>Facility</c>: where it goes (Matched, Known; for Review the candidate; for New once made), registry fields only.
/// <c>SameAsRow</c>: the earlier row of the file whose new facility it matched. <c>Message</c>: the problem, for Problem rows.
/// <c>Confidence</c> and <c>Evidence</c>: the matcher's reasons for a Review row, as in the review queue.
/// </summary>
public sealed record ImportRowResultDto(int Row, RowOutcome Outcome, string? Message, int? SameAsRow, RegistryFacilityDto? Facility, double? Confidence,
    IReadOnlyList<MatchEvidenceDto>? Evidence)
{
    /// <summary>The column and words of <see cref="Message"/>, so a page says it in the reader's language; the API keeps the English.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? MessageColumn { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public Platform.Localization.Phrase? Words { get; init; }

    /// <summary>The message in the reader's language.</summary>
    public string? In(Microsoft.Extensions.Localization.IStringLocalizer text) =>
        Words is null ? Message : MessageColumn is null ? Words.In(text) : $"{MessageColumn}: {Words.In(text)}";
}

/// <summary>One side of a review: the imported row, or the facility it may be.</summary>
public sealed record ReviewSideDto(string Name, string Address, string CountryCode, string? OsId, int? WorkersTotal, string? ParentCompany)
{
    public Guid? FacilityId { get; init; }
}

/// <summary>
/// One part the matcher compared: <c>Part</c> (Name, Address, UnitNumbers…; the list grows, so show a part you do not know by its name),
/// <c>Verdict</c> (Agrees, Partly, Differs, Missing: one side did not say), <c>Score</c> 0–1, and what each side said as the matcher read it.
/// </summary>
public sealed record MatchEvidenceDto(EvidencePart Part, Verdict Verdict, double Score, string Row, string Candidate);

/// <summary><c>Evidence</c>: why the pair is uncertain, disagreeing parts first; null for rows queued before the reasons were kept.</summary>
public sealed record MatchReviewDto(Guid Id, Guid ImportId, int RowNumber, double Confidence, ReviewSideDto Row, ReviewSideDto Candidate, IReadOnlyList<MatchEvidenceDto>? Evidence);

public sealed record MatchReviewDecisionDto(Guid Id, ReviewStatus Status, Guid FacilityId);

/// <summary>
/// An imported row's link: <c>Status</c> Pending with <c>HasOperator</c> false means no one on the
/// platform runs the facility, so the link stays unconfirmed and gives no rights.
/// </summary>
public sealed record ImportedLinkDto(int Row, Guid FacilityId, string Facility, LinkStatus Status, bool HasOperator);
