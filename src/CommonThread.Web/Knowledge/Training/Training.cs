using CommonThread.Web.Assessments;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Knowledge.Training;

/// <summary>A course is given once; a cohort is a group of the same people followed across sessions over months or years (the regional cohort of women leaders).</summary>
public enum ProgrammeKind
{
    Course,
    Cohort,
}

public enum ParticipantGender
{
    Woman,
    Man,
    Other,
    NotSaid,
}

/// <summary>Whether a test was taken before the training, or after it.</summary>
public enum AssessmentStage
{
    Before,
    After,
}

/// <summary>
/// A capacity-building programme an organisation runs: its sessions, its participants (people, with their organisation,
/// constituent group, gender and role), who attended what, the before and after test on the programme's XLSForm, and
/// certificates. Participants are personal data: only the organising organisation reads them.
/// </summary>
public sealed class TrainingProgramme
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganiserOrganisationId { get; init; }

    public required string Title { get; init; }

    public KnowledgeTheme Theme { get; init; }

    public ProgrammeKind Kind { get; init; }

    public required string Description { get; init; }

    /// <summary>The XLSForm the participants are tested with before and after (its score is the form's own).</summary>
    public Guid? QuestionnaireId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class TrainingSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ProgrammeId { get; init; }

    public required string Title { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public string? Place { get; init; }

    /// <summary>The language it is taught in, one of the platform's.</summary>
    public required string Language { get; init; }

    public required string Trainers { get; init; }
}

public sealed class Participant
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ProgrammeId { get; init; }

    public required string Name { get; init; }

    /// <summary>The participant's organisation, as they name it (it need not be on the platform).</summary>
    public required string Organisation { get; init; }

    public ConstituentGroup Group { get; init; }

    public ParticipantGender Gender { get; init; }

    public string? Role { get; init; }

    /// <summary>The language the certificate is written in.</summary>
    public required string Language { get; init; }
}

public sealed class SessionAttendance
{
    public Guid SessionId { get; init; }

    public Guid ParticipantId { get; init; }
}

/// <summary>A participant's answers to the programme's test at one stage, and the score the form gives them.</summary>
public sealed class ParticipantAssessment
{
    public Guid ParticipantId { get; init; }

    public AssessmentStage Stage { get; init; }

    public required string Answers { get; set; }

    public decimal? Score { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class TrainingProgrammeConfiguration : IEntityTypeConfiguration<TrainingProgramme>
{
    public void Configure(EntityTypeBuilder<TrainingProgramme> b)
    {
        b.ToTable("TrainingProgrammes");
        b.Property(p => p.Title).HasMaxLength(TrainingProgramme.TitleMaxLength);
        b.Property(p => p.Description).HasMaxLength(TrainingProgramme.TextMaxLength);
        b.Property(p => p.Theme).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(p => p.OrganiserOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganiserOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(p => p.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.ToTable("TrainingSessions");
        b.Property(s => s.Title).HasMaxLength(TrainingProgramme.TitleMaxLength);
        b.Property(s => s.Place).HasMaxLength(TrainingProgramme.TitleMaxLength);
        b.Property(s => s.Trainers).HasMaxLength(TrainingProgramme.TitleMaxLength);
        b.Property(s => s.Language).HasMaxLength(16);
        b.HasIndex(s => new { s.ProgrammeId, s.StartsOn });
        b.HasOne<TrainingProgramme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.ToTable("TrainingParticipants");
        b.Property(p => p.Name).HasMaxLength(Participant.NameMaxLength);
        b.Property(p => p.Organisation).HasMaxLength(Participant.NameMaxLength);
        b.Property(p => p.Role).HasMaxLength(Participant.NameMaxLength);
        b.Property(p => p.Language).HasMaxLength(16);
        b.Property(p => p.Group).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(p => p.ProgrammeId);
        b.HasOne<TrainingProgramme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> b)
    {
        b.ToTable("TrainingAttendance");
        b.HasKey(a => new { a.SessionId, a.ParticipantId });
        b.HasIndex(a => a.ParticipantId);
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipantAssessmentConfiguration : IEntityTypeConfiguration<ParticipantAssessment>
{
    public void Configure(EntityTypeBuilder<ParticipantAssessment> b)
    {
        b.ToTable("TrainingAssessments");
        b.HasKey(a => new { a.ParticipantId, a.Stage });
        b.Property(a => a.Stage).HasConversion<string>().HasMaxLength(8);
        b.Property(a => a.Score).HasPrecision(5, 1);
        b.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
