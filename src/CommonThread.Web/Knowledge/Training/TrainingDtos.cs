using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.Knowledge.Training;

public sealed record ProgrammeInput
{
    [Required, StringLength(TrainingProgramme.TitleMaxLength)] public string Title { get; init; } = "";

    [Required] public KnowledgeTheme? Theme { get; init; }

    [Required] public ProgrammeKind? Kind { get; init; }

    [Required, StringLength(TrainingProgramme.TextMaxLength)] public string Description { get; init; } = "";

    /// <summary>A questionnaire the organisation may use (a starter or one it imported): its before and after test.</summary>
    public Guid? QuestionnaireId { get; init; }
}

public sealed record SessionInput
{
    [Required, StringLength(TrainingProgramme.TitleMaxLength)] public string Title { get; init; } = "";

    [Required] public DateOnly? StartsOn { get; init; }

    [Required] public DateOnly? EndsOn { get; init; }

    [StringLength(TrainingProgramme.TitleMaxLength)] public string? Place { get; init; }

    [Required] public string Language { get; init; } = "";

    [Required, StringLength(TrainingProgramme.TitleMaxLength)] public string Trainers { get; init; } = "";
}

public sealed record ParticipantInput
{
    [Required, StringLength(Participant.NameMaxLength)] public string Name { get; init; } = "";

    [Required, StringLength(Participant.NameMaxLength)] public string Organisation { get; init; } = "";

    [Required] public ConstituentGroup? Group { get; init; }

    [Required] public ParticipantGender? Gender { get; init; }

    [StringLength(Participant.NameMaxLength)] public string? Role { get; init; }

    /// <summary>The language of the participant's certificate; the platform's languages.</summary>
    [Required] public string Language { get; init; } = "";
}

/// <summary>Who attended a session: the whole list, replacing the one recorded before.</summary>
public sealed record AttendanceInput(List<Guid> Participants);

public sealed record ProgrammeSummary(Guid Id, string Title, KnowledgeTheme Theme, ProgrammeKind Kind, string Description, Guid? QuestionnaireId, int Sessions, int Participants);

public sealed record SessionEntry(Guid Id, string Title, DateOnly StartsOn, DateOnly EndsOn, string? Place, string Language, string Trainers, IReadOnlyList<Guid> Attended);

public sealed record ParticipantEntry(Guid Id, string Name, string Organisation, ConstituentGroup Group, ParticipantGender Gender, string? Role, string Language, int SessionsAttended,
    decimal? ScoreBefore, decimal? ScoreAfter, bool Certified);

/// <summary>People trained, by gender and constituent group, and the average test scores before and after.</summary>
public sealed record TrainingFigures(IReadOnlyDictionary<ParticipantGender, int> ByGender, IReadOnlyDictionary<ConstituentGroup, int> ByGroup,
    IReadOnlyList<GroupGenderCount> ByGroupAndGender, decimal? AverageBefore, decimal? AverageAfter);

public sealed record GroupGenderCount(ConstituentGroup Group, ParticipantGender Gender, int People);

public sealed record ProgrammeDetail(ProgrammeSummary Programme, IReadOnlyList<SessionEntry> Sessions, IReadOnlyList<ParticipantEntry> Participants, TrainingFigures Figures);
