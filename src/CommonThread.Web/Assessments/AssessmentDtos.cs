using System.ComponentModel.DataAnnotations;

namespace CommonThread.Web.Assessments;

public sealed record AssignInput
{
    [Required] public Guid? QuestionnaireId { get; init; }

    /// <summary>The facilities to send it to; none means every facility in the sender's chain (for an initiative: every facility run by an organisation on CommonThread).</summary>
    public List<Guid> FacilityIds { get; init; } = [];

    /// <summary>With no facility named: only the chain's facilities in these countries (codes or names); none means every country.</summary>
    public List<string> Countries { get; init; } = [];

    [Required] public DateOnly? DueOn { get; init; }
}

/// <summary>How many assignments were sent; facilities already holding an open one, and those whose operator is not on CommonThread, are counted, not sent.</summary>
public sealed record AssignResult(int Sent, int AlreadyOpen, int WithoutOrganisation);

public enum AssignmentStatus
{
    Open,
    Overdue,
    Submitted,
}

public sealed record AssignmentDto(Guid Id, Guid QuestionnaireId, string Questionnaire, Guid FacilityId, string Facility, string Respondent, string AssignedBy,
    DateOnly DueOn, AssignmentStatus Status, DateOnly? SubmittedOn, double? ScorePercent, DateTimeOffset AssignedAt, string FacilityCountryCode);

/// <summary>An answered questionnaire's answers that point to a risk (see <see cref="RiskFromAnswers"/>).</summary>
public sealed record AnsweredRisks(Guid AssignmentId, Guid FacilityId, string Questionnaire, DateOnly SubmittedOn, IReadOnlyList<RiskSignal> Signals);

public sealed record SectionScoreDto(string Name, string Label, double Points, double Maximum, double? Percent);

/// <summary>What the form says now: which items show, calculated values, answers not accepted (keyed as the answers are) and the score.</summary>
public sealed record FormStateDto(IReadOnlyList<string> Hidden, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors,
    double? ScorePercent);

public sealed record ResponseInput
{
    public Dictionary<string, string> Values { get; init; } = [];

    public Dictionary<string, int> RepeatCounts { get; init; } = [];

    public string? Language { get; init; }
}

public sealed record ResponseDto(Guid AssignmentId, string Language, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, int> RepeatCounts,
    DateTimeOffset? SubmittedAt, double? ScorePercent, IReadOnlyList<SectionScoreDto> Sections);
