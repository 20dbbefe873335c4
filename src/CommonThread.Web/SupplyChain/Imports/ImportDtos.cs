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

public sealed record MatchReviewDto(Guid Id, Guid ImportId, int RowNumber, double Confidence, ReviewSideDto Row, ReviewSideDto Candidate);

public sealed record MatchReviewDecisionDto(Guid Id, ReviewStatus Status, Guid FacilityId);

/// <summary>
/// An imported row's link: <c>Status</c> Pending with <c>HasOperator</c> false means no one on the
/// platform runs the facility, so the link stays unconfirmed and gives no rights.
/// </summary>
public sealed record ImportedLinkDto(int Row, Guid FacilityId, string Facility, LinkStatus Status, bool HasOperator);
