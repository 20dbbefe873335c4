namespace CommonThread.Web.Accountability;

public sealed record AgreementPartyInput(Guid OrganisationId, bool Accountable);

public sealed record AgreementInput(AgreementKind? Kind, string? Title, DateOnly? StartsOn, DateOnly? ReviewOn, bool CreatorAccountable, IReadOnlyList<AgreementPartyInput>? Parties,
    IReadOnlyList<string>? Commitments);

public sealed record AgreementPartyDto(Guid OrganisationId, string Name, bool Accountable);

public sealed record CommitmentCommentDto(string Organisation, string Text, DateTimeOffset CreatedAt);

public sealed record CommitmentDto(Guid Id, int Number, string Text, CommitmentStatus Status, IReadOnlyList<CommitmentCommentDto> Comments);

public sealed record AgreementDto(Guid Id, AgreementKind Kind, string Title, DateOnly StartsOn, DateOnly? ReviewOn, bool ReviewDue, string? DocumentFileName,
    IReadOnlyList<AgreementPartyDto> Parties, IReadOnlyList<CommitmentDto> Commitments);

public sealed record CommitmentCommentInput(string? Text, CommitmentStatus? Status);

public sealed record FrameworkInput(string? Name, string? Description, bool CopyStarter);

public sealed record IndicatorInput(string? Commitment, string? Code, string? Name, IndicatorKind? Kind, string? Unit, GoodDirection? Direction, decimal? Target, int? ScaleMax,
    bool EvidenceRequired);

public sealed record IndicatorDto(Guid Id, string Commitment, string Code, string Name, IndicatorKind Kind, string? Unit, GoodDirection Direction, decimal? Target, int? ScaleMax,
    bool EvidenceRequired);

public sealed record FrameworkDto(Guid Id, string Name, string? Description, bool Starter, bool Mine, IReadOnlyList<IndicatorDto> Indicators);

public sealed record ParticipantInput(Guid BrandOrganisationId, Guid? ReviewerOrganisationId);

public sealed record RoundInput(string? Name, Guid? FrameworkId, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? ReportsDueOn, DateOnly? FeedbackClosesOn, int? MinimumResponses,
    IReadOnlyList<ParticipantInput>? Participants);

public sealed record ThresholdInput(int? MinimumResponses);

/// <summary>
/// A participant as the caller may see it. Invitation counts go to the initiative alone: a brand
/// watching its answered count tick up would learn when each supplier answered.
/// </summary>
public sealed record ParticipantDto(Guid BrandOrganisationId, string Brand, string Reviewer, int Indicators, int Reported, int Accepted, int Queried, int Late,
    int? Invited, int? Answered);

public sealed record RoundDto(Guid Id, string Name, string Initiative, Guid FrameworkId, string Framework, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly ReportsDueOn,
    DateOnly FeedbackClosesOn, int MinimumResponses, int ReleasedCycle, DateOnly? ReleasedOn, bool RunByMe, IReadOnlyList<ParticipantDto> Participants);

public sealed record ReportInput(decimal? Value, string? Text);

public sealed record ReviewInput(ReportStatus? Verdict, string? Message);

public sealed record MessageInput(string? Text);

public sealed record ReportMessageDto(string Organisation, string Text, DateTimeOffset CreatedAt);

/// <summary>One indicator of a brand's sheet in a round, reported or not.</summary>
public sealed record ReportLineDto(IndicatorDto Indicator, Guid? ReportId, decimal? Value, string? Text, string? EvidenceFileName, ReportStatus? Status, DateOnly? SubmittedOn,
    bool Late, bool? MeetsTarget, IReadOnlyList<ReportMessageDto> Messages);

public sealed record BrandSheetDto(Guid RoundId, Guid BrandOrganisationId, string Brand, string Reviewer, bool MayReport, bool MayReview, IReadOnlyList<ReportLineDto> Lines);

public sealed record FeedbackInvitationDto(Guid Id, Guid RoundId, string Round, Guid BrandOrganisationId, string Brand, string Facility, string FacilityCountry, DateOnly ClosesOn, bool Answered, bool Open);

public sealed record FeedbackAnswersInput(string? Language, IReadOnlyDictionary<string, string>? Answers);

public sealed record FeedbackQuestionDto(string Name, string Category, string Label, string Type, IReadOnlyList<FeedbackChoiceDto> Choices);

public sealed record FeedbackChoiceDto(string Name, string Label);

public sealed record FeedbackFormDto(string Title, string Brand, IReadOnlyList<string> Languages, IReadOnlyList<FeedbackQuestionDto> Questions);

public sealed record ReleaseDto(int Cycle, DateOnly ReleasedOn, int BrandsShown, int BrandsBelowThreshold, int CommentsReleased, int CommentsAwaitingRedaction);

public sealed record FlaggedCommentDto(Guid Id, string Brand, string Category, string Text, string Flags);

public sealed record CommentRedactionInput(string? Text);

public sealed record PaymentInput(Guid? CounterpartOrganisationId, string? OrderReference, string? InvoiceReference, decimal? Amount, string? Currency, int? AgreedTermsDays,
    DateOnly? InvoiceDate, DateOnly? PaidDate);

public sealed record PaymentDto(Guid Id, string Brand, string Supplier, string? OrderReference, string InvoiceReference, decimal Amount, string Currency, int AgreedTermsDays,
    DateOnly InvoiceDate, DateOnly DueDate, DateOnly? PaidDate, int? DaysToPay, bool Late);

public sealed record PaidSetter(DateOnly? PaidDate);

public sealed record FeedbackCategoryDto(string Category, string Label, double? Score, string? Rating, double? SelfAssessment, double? AllBrands);

public sealed record FeedbackCommentDto(string Category, string Text);

/// <summary>
/// A brand's feedback as it stood at the last release: scores only when at least the round's
/// threshold of suppliers had answered; no response ids, no facilities, no dates finer than the release day.
/// </summary>
public sealed record FeedbackViewDto(int MinimumResponses, DateOnly? ReleasedOn, bool Shown, int? Responses, double? Overall, string? Rating, double? SelfAssessment, double? AllBrands,
    IReadOnlyList<FeedbackCategoryDto> Categories, IReadOnlyList<FeedbackCommentDto> Comments);

/// <summary>On-time share counts invoices paid on or before their due day among those paid or already overdue.</summary>
public sealed record PaymentStatsDto(int Invoices, int Paid, double? AverageDaysToPay, double? AverageAgreedTerms, double? OnTimeShare, int OverdueUnpaid);

public sealed record PaymentMonthDto(string Month, int Invoices, double? AverageDaysToPay, double? OnTimeShare);

/// <summary>
/// A brand's payment record: what the brand recorded, and what its suppliers reported pooled — shown
/// only with at least the threshold of suppliers behind it, overall and month by month.
/// </summary>
public sealed record PaymentTermsDto(Guid BrandOrganisationId, string Brand, int MinimumSuppliers, PaymentStatsDto BrandRecorded, IReadOnlyList<PaymentMonthDto> BrandMonths,
    PaymentStatsDto? SupplierReported, IReadOnlyList<PaymentMonthDto> SupplierMonths);

/// <summary>A brand's line in a round: its reporting, its targets, its released feedback (only above the threshold) and its payment record.</summary>
public sealed record BrandSummaryDto(Guid BrandOrganisationId, string Brand, int Indicators, int Reported, int Accepted, int Queried, int Late, int WithTarget, int TargetsMet,
    int? FeedbackResponses, double? Feedback, string? Rating, double? OnTimeShare, double? AverageDaysToPay, double? SupplierReportedOnTimeShare)
{
    public double ReportedPercent => Indicators == 0 ? 0 : Math.Round(100.0 * Reported / Indicators, 1);

    public double? TargetsMetPercent => WithTarget == 0 ? null : Math.Round(100.0 * TargetsMet / WithTarget, 1);
}

public sealed record CommitmentScoreDto(string Commitment, int Indicators, int Reported, int Accepted, int WithTarget, int TargetsMet);

public sealed record TrendPointDto(Guid RoundId, string Round, DateOnly PeriodEnd, double ReportedPercent, double? TargetsMetPercent, double? Feedback, double? OnTimeShare);

public sealed record ScorecardDto(Guid RoundId, string Round, DateOnly PeriodStart, DateOnly PeriodEnd, BrandSummaryDto Summary, IReadOnlyList<CommitmentScoreDto> Commitments,
    BrandSheetDto Sheet, FeedbackViewDto Feedback, PaymentTermsDto Payments, IReadOnlyList<TrendPointDto> Trend);

/// <summary>The initiative's view of a round: every brand's line and the all-brand feedback average by category.</summary>
public sealed record RoundReportDto(RoundDto Round, IReadOnlyList<BrandSummaryDto> Brands, IReadOnlyList<FeedbackCategoryDto> AllBrands);

public sealed record BrandPaymentStatsDto(string Brand, PaymentStatsDto Stats);

/// <summary>A brand's own payment terms over the last twelve months, or a supplier's invoices by brand.</summary>
public sealed record PaymentTermsOverviewDto(PaymentTermsDto? Brand, IReadOnlyList<BrandPaymentStatsDto> ByBrand);

/// <param name="Problems">The first 1,000 of <paramref name="ProblemCount"/>.</param>
/// <summary>
/// What an invoice import did. <paramref name="AlreadyRecorded"/>: rows recorded before (the first 1,000 row numbers listed), left out;
/// when every row was, <paramref name="Imported"/> is 0 and nothing was written: a re-import answers 200, a no-op rather than an error.
/// </summary>
public sealed record PaymentImportReport(int Rows, int Imported, IReadOnlyList<CommonThread.Web.Platform.Files.ImportRowProblem> Problems, int ProblemCount,
    int AlreadyRecorded, IReadOnlyList<int> AlreadyRecordedRows);
