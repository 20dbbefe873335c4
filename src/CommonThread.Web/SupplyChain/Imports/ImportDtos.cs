using CommonThread.Matching;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// An import as its organisation sees it. <c>SameFileAsImportId</c>: an earlier completed import of the very same file.
/// <c>KnownRows</c>: rows earlier imports had settled (linked, decided in review or still waiting there), which a re-import follows.
/// </summary>
public sealed record ImportDto(Guid Id, string FileName, ImportStatus Status, int TotalRows, int ValidRows, int ProblemCount, string? UploadedBy,
    DateTimeOffset UploadedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Failure, ImportProgressDto? Progress,
    int MatchedRows, int NewFacilities, int ReviewRows, int LinksCreated, int LinksUpdated, int FoaFactsRecorded, Guid? SameFileAsImportId, int KnownRows);

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
