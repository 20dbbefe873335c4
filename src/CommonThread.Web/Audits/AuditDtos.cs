using System.ComponentModel.DataAnnotations;

namespace CommonThread.Web.Audits;

public sealed record NonConformityInput
{
    [Required, StringLength(NonConformity.FindingMaxLength)] public string Finding { get; init; } = "";
    [Required] public Severity? Severity { get; init; }
    [Required] public FindingCategory? Category { get; init; }
    [StringLength(100)] public string? Clause { get; init; }
}

public sealed record AuditInput
{
    [Required] public Guid? FacilityId { get; init; }
    [Required, StringLength(Audit.TextMaxLength)] public string Standard { get; init; } = "";
    [Required, StringLength(Audit.TextMaxLength)] public string Auditor { get; init; } = "";
    [Required] public DateOnly? StartedOn { get; init; }
    [Required] public DateOnly? EndedOn { get; init; }
    public List<NonConformityInput> NonConformities { get; init; } = [];
}

public sealed record NonConformityDto(Guid Id, string Finding, Severity Severity, FindingCategory Category, string? Clause);

public sealed record AuditDto(Guid Id, Guid FacilityId, string Facility, string RecordedBy, string Standard, string Auditor, DateOnly StartedOn, DateOnly EndedOn,
    string? ReportFileName, IReadOnlyList<NonConformityDto> NonConformities);

/// <param name="Problems">The first 1,000 of <paramref name="ProblemCount"/>.</param>
public sealed record NonConformityImportReport(int Rows, int Imported, IReadOnlyList<CommonThread.Web.Platform.Files.ImportRowProblem> Problems, int ProblemCount);

public sealed record PlanFromAuditInput
{
    [Required, StringLength(200)] public string Title { get; init; } = "";

    /// <summary>Who at the facility answers for the items until the supplier says otherwise.</summary>
    [Required, StringLength(200)] public string Owner { get; init; } = "";
}

public sealed record ActionUpdateInput
{
    [Required] public ActionStatus? Status { get; init; }
    [StringLength(2000)] public string? Progress { get; init; }
    [StringLength(200)] public string? Owner { get; init; }
}

public sealed record VerificationInput
{
    [Required] public bool? Verified { get; init; }
    [Required, StringLength(200)] public string VerifiedBy { get; init; } = "";
    [Required] public DateOnly? VerifiedOn { get; init; }
}

public sealed record InvitationInput
{
    [Required] public Guid? UnionOrganisationId { get; init; }

    /// <summary>None: freedom of association, collective bargaining and grievance mechanisms.</summary>
    public List<FindingCategory> Categories { get; init; } = [];
}

public sealed record CommentInput
{
    [Required, StringLength(PlanComment.TextMaxLength)] public string Text { get; init; } = "";
}

public sealed record CommentDto(string Organisation, string Text, DateTimeOffset CreatedAt);

public sealed record EvidenceDto(Guid Id, string FileName, DateTimeOffset UploadedAt);

public sealed record CorrectiveActionDto(Guid Id, FindingCategory Category, string Description, string Owner, DateOnly DueOn, ActionStatus Status, string? Progress,
    bool Overdue, bool? Verified, string? VerifiedBy, DateOnly? VerifiedOn, IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<CommentDto> Comments);

/// <summary>A plan as the reader may see it: an invited union gets only the items of its categories, and <see cref="Partial"/> says so.</summary>
public sealed record CorrectivePlanDto(Guid Id, string Title, Guid FacilityId, string Facility, string Supplier, string FollowedBy, Guid? AuditId, bool Partial,
    IReadOnlyList<FindingCategory> VisibleCategories, IReadOnlyList<string> InvitedUnions, IReadOnlyList<CorrectiveActionDto> Actions);

public sealed record CorrectivePlanSummary(Guid Id, string Title, string Facility, string Supplier, string FollowedBy, int Items, int Open, int Overdue, int Verified, DateTimeOffset CreatedAt);

/// <summary>A plan's summary with what the plans list filters and sorts on, and its facility (not part of the API's answer).</summary>
public sealed record CorrectivePlanRow(CorrectivePlanSummary Summary, Guid FacilityId, string CountryCode, DateOnly? NextDue, DateTimeOffset CreatedAt, IReadOnlyList<string> Findings);

/// <summary>An audit with its facility's country, which the audits list filters on.</summary>
public sealed record AuditRow(AuditDto Audit, string CountryCode);

/// <summary>How many findings of one category the audits of one facility hold, the worst of them, and when the latest audit ended.</summary>
public sealed record FindingTally(Guid FacilityId, FindingCategory Category, int Findings, Severity Worst, DateOnly LatestAuditOn);
