using System.Text.Json;
using CommonThread.Data;
using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using CommonThread.XlsForm.Filling;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.Training;

/// <summary>
/// Capacity building: an organisation's programmes, their sessions and participants, who attended, the before and after
/// test on the programme's XLSForm, and the figures by gender and constituent group. A programme is read and kept by the
/// organisation that runs it alone: its participants are people, named with their gender.
/// </summary>
public sealed class TrainingService(AppDbContext db, QuestionnaireLibrary questionnaires, AuditLog audit, TimeProvider clock)
{
    /// <summary>Run programmes: the initiatives and the programme's constituents (governments, employers' organisations, unions).</summary>
    public static readonly OrganisationKind[] Organisers =
        [OrganisationKind.Initiative, OrganisationKind.Union, OrganisationKind.Government, OrganisationKind.EmployerOrganisation];

    public const int MaxParticipants = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool MayOrganise(OrganisationAccess access) => Organisers.Contains(access.Organisation.Kind);

    public async Task<IReadOnlyList<ProgrammeSummary>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        return await db.Set<TrainingProgramme>().AsNoTracking().Where(p => p.OrganiserOrganisationId == me).OrderByDescending(p => p.CreatedAt)
            .Select(p => new ProgrammeSummary(p.Id, p.Title, p.Theme, p.Kind, p.Description, p.QuestionnaireId,
                db.Set<TrainingSession>().Count(s => s.ProgrammeId == p.Id), db.Set<Participant>().Count(x => x.ProgrammeId == p.Id)))
            .ToListAsync(ct);
    }

    public async Task<ProgrammeSummary> CreateAsync(OrganisationAccess access, ProgrammeInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Initiatives, unions, governments and employers' organisations run training programmes."), Organisers);
        var errors = new FieldChecks();
        var title = errors.Text(input.Title, TrainingProgramme.TitleMaxLength, "title", "Give the programme's title, of up to 200 characters.");
        var description = errors.Text(input.Description, TrainingProgramme.TextMaxLength, "description", "Describe the programme in up to 4,000 characters.");
        if (input.Theme is null)
        {
            errors.Add("theme", "Choose the theme it works on.");
        }

        if (input.Kind is null)
        {
            errors.Add("kind", "Say whether it is a course or a cohort followed over time.");
        }

        errors.ThrowIfAny();
        if (input.QuestionnaireId is { } questionnaire)
        {
            await questionnaires.FindUsableAsync(access, questionnaire, ct);
        }

        var programme = new TrainingProgramme
        {
            OrganiserOrganisationId = access.Organisation.Id, Title = title!, Description = description!, Theme = input.Theme!.Value, Kind = input.Kind!.Value,
            QuestionnaireId = input.QuestionnaireId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(programme);
        audit.Record(access.Organisation.Id, "training.programme-created", $"'{programme.Title}'");
        await db.SaveChangesAsync(ct);
        return new(programme.Id, programme.Title, programme.Theme, programme.Kind, programme.Description, programme.QuestionnaireId, 0, 0);
    }

    /// <summary>The programme whole: sessions with who attended, participants with their scores, the figures.</summary>
    public async Task<ProgrammeDetail> FindAsync(OrganisationAccess access, Guid programmeId, CancellationToken ct)
    {
        var programme = await OwnAsync(access, programmeId, ct);
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.StartsOn).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var attendance = await db.Set<SessionAttendance>().AsNoTracking().Where(a => sessionIds.Contains(a.SessionId)).ToListAsync(ct);
        var participants = await db.Set<Participant>().AsNoTracking().Where(p => p.ProgrammeId == programmeId).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = participants.Select(p => p.Id).ToList();
        var scores = (await db.Set<ParticipantAssessment>().AsNoTracking().Where(a => ids.Contains(a.ParticipantId)).ToListAsync(ct))
            .ToDictionary(a => (a.ParticipantId, a.Stage), a => a.Score);
        var attended = attendance.GroupBy(a => a.ParticipantId).ToDictionary(g => g.Key, g => g.Count());
        var entries = participants.Select(p => new ParticipantEntry(p.Id, p.Name, p.Organisation, p.Group, p.Gender, p.Role, p.Language, attended.GetValueOrDefault(p.Id),
            scores.GetValueOrDefault((p.Id, AssessmentStage.Before)), scores.GetValueOrDefault((p.Id, AssessmentStage.After)), attended.GetValueOrDefault(p.Id) > 0)).ToList();
        var sessionEntries = sessions.Select(s => new SessionEntry(s.Id, s.Title, s.StartsOn, s.EndsOn, s.Place, s.Language, s.Trainers,
            [.. attendance.Where(a => a.SessionId == s.Id).Select(a => a.ParticipantId)])).ToList();
        return new(new(programme.Id, programme.Title, programme.Theme, programme.Kind, programme.Description, programme.QuestionnaireId, sessions.Count, participants.Count),
            sessionEntries, entries, Figures(entries));
    }

    /// <summary>The people who attended at least once, counted by gender, by group and by both; the average scores of those tested at each stage.</summary>
    private static TrainingFigures Figures(IReadOnlyList<ParticipantEntry> participants)
    {
        var trained = participants.Where(p => p.SessionsAttended > 0).ToList();
        static decimal? Average(IEnumerable<decimal?> scores) => scores.OfType<decimal>().ToList() is { Count: > 0 } s ? Math.Round(s.Average(), 1) : null;
        return new(
            Enum.GetValues<ParticipantGender>().ToDictionary(g => g, g => trained.Count(p => p.Gender == g)),
            Enum.GetValues<ConstituentGroup>().ToDictionary(g => g, g => trained.Count(p => p.Group == g)),
            [.. trained.GroupBy(p => (p.Group, p.Gender)).OrderBy(g => g.Key.Group).ThenBy(g => g.Key.Gender).Select(g => new GroupGenderCount(g.Key.Group, g.Key.Gender, g.Count()))],
            Average(participants.Select(p => p.ScoreBefore)), Average(participants.Select(p => p.ScoreAfter)));
    }

    public async Task<SessionEntry> AddSessionAsync(OrganisationAccess access, Guid programmeId, SessionInput input, CancellationToken ct)
    {
        var programme = await OwnAsync(access.Require(MemberRole.Editor), programmeId, ct);
        var errors = new FieldChecks();
        var title = errors.Text(input.Title, TrainingProgramme.TitleMaxLength, "title", "Give the session's title, of up to 200 characters.");
        var trainers = errors.Text(input.Trainers, TrainingProgramme.TitleMaxLength, "trainers", "Name the trainers, in up to 200 characters.");
        if (input.StartsOn is not { } starts || !Plausible.Day.Contains(starts))
        {
            errors.Add("startsOn", "Give the day it starts.");
        }

        if (input.EndsOn is not { } ends || !Plausible.Day.Contains(ends))
        {
            errors.Add("endsOn", "Give the day it ends.");
        }
        else if (input.StartsOn is { } s && ends < s)
        {
            errors.Add("endsOn", "A session cannot end before it starts.");
        }

        if (!IsLanguage(input.Language))
        {
            errors.Add("language", "Choose the language it is taught in.");
        }

        if (input.Place is { Length: > TrainingProgramme.TitleMaxLength })
        {
            errors.Add("place", "A place of up to 200 characters.");
        }

        errors.ThrowIfAny();
        var session = new TrainingSession
        {
            ProgrammeId = programmeId, Title = title!, Trainers = trainers!, StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, Place = TextInput.OrNull(input.Place),
            Language = input.Language,
        };
        db.Add(session);
        audit.Record(access.Organisation.Id, "training.session-added", $"'{session.Title}' of '{programme.Title}' from {session.StartsOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new(session.Id, session.Title, session.StartsOn, session.EndsOn, session.Place, session.Language, session.Trainers, []);
    }

    public async Task<ParticipantEntry> AddParticipantAsync(OrganisationAccess access, Guid programmeId, ParticipantInput input, CancellationToken ct)
    {
        await OwnAsync(access.Require(MemberRole.Editor), programmeId, ct);
        var errors = new FieldChecks();
        var name = errors.Text(input.Name, Participant.NameMaxLength, "name", "Give the participant's name, of up to 200 characters.");
        var organisation = errors.Text(input.Organisation, Participant.NameMaxLength, "organisation", "Give the participant's organisation, of up to 200 characters.");
        if (input.Group is null)
        {
            errors.Add("group", "Say which constituent group the participant comes from.");
        }

        if (input.Gender is null)
        {
            errors.Add("gender", "Say the participant's gender, or that they did not say.");
        }

        if (!IsLanguage(input.Language))
        {
            errors.Add("language", "Choose the language of the participant's certificate.");
        }

        if (input.Role is { Length: > Participant.NameMaxLength })
        {
            errors.Add("role", "A role of up to 200 characters.");
        }

        if (await db.Set<Participant>().CountAsync(p => p.ProgrammeId == programmeId, ct) >= MaxParticipants)
        {
            errors.Add("name", "A programme holds at most 2,000 participants.");
        }

        errors.ThrowIfAny();
        var participant = new Participant
        {
            ProgrammeId = programmeId, Name = name!, Organisation = organisation!, Group = input.Group!.Value, Gender = input.Gender!.Value, Role = TextInput.OrNull(input.Role),
            Language = input.Language,
        };
        db.Add(participant);
        // The audit trail says that someone was added, never who: the participant's name stays in the programme.
        audit.Record(access.Organisation.Id, "training.participant-added", $"A participant added to the programme {programmeId}");
        await db.SaveChangesAsync(ct);
        return new(participant.Id, participant.Name, participant.Organisation, participant.Group, participant.Gender, participant.Role, participant.Language, 0, null, null, false);
    }

    /// <summary>Replaces who attended a session; only the programme's participants can be named.</summary>
    public async Task<SessionEntry> RecordAttendanceAsync(OrganisationAccess access, Guid programmeId, Guid sessionId, AttendanceInput input, CancellationToken ct)
    {
        await OwnAsync(access.Require(MemberRole.Editor), programmeId, ct);
        var session = await db.Set<TrainingSession>().SingleOrDefaultAsync(s => s.Id == sessionId && s.ProgrammeId == programmeId, ct) ?? throw RuleViolation.NotFound("session");
        var named = input.Participants.Distinct().ToList();
        var known = await db.Set<Participant>().Where(p => p.ProgrammeId == programmeId && named.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (known.Count != named.Count)
        {
            throw new RuleViolation("participants", "Only the programme's participants attend its sessions.");
        }

        db.RemoveRange(await db.Set<SessionAttendance>().Where(a => a.SessionId == sessionId).ToListAsync(ct));
        db.AddRange(named.Select(id => new SessionAttendance { SessionId = sessionId, ParticipantId = id }));
        audit.Record(access.Organisation.Id, "training.attendance", $"{named.Count} attended '{session.Title}'");
        await db.SaveChangesAsync(ct);
        return new(session.Id, session.Title, session.StartsOn, session.EndsOn, session.Place, session.Language, session.Trainers, named);
    }

    /// <summary>The programme's test with a participant's answers at a stage, for the page that records them.</summary>
    public async Task<(XlsForm.XlsFormDefinition Form, FormAnswers Answers, Participant Participant)> TestAsync(OrganisationAccess access, Guid programmeId, Guid participantId,
        AssessmentStage stage, CancellationToken ct)
    {
        var programme = await OwnAsync(access, programmeId, ct);
        var participant = await db.Set<Participant>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == participantId && p.ProgrammeId == programmeId, ct)
            ?? throw RuleViolation.NotFound("participant");
        var form = programme.QuestionnaireId is { } q ? await questionnaires.FormAsync(q, ct)
            : throw new RuleViolation("questionnaireId", "The programme has no test: choose a questionnaire for it first.", StatusCodes.Status409Conflict);
        var recorded = await db.Set<ParticipantAssessment>().AsNoTracking().SingleOrDefaultAsync(a => a.ParticipantId == participantId && a.Stage == stage, ct);
        return (form, recorded is null ? new FormAnswers() : ResponseService.Parse(recorded.Answers), participant);
    }

    /// <summary>
    /// Records a participant's answers to the programme's test at a stage (again: replaces them). The XLSForm engine checks
    /// them as it checks any response (required answers, constraints) and scores them; a refused test keeps nothing.
    /// </summary>
    public async Task<ParticipantEntry> RecordTestAsync(OrganisationAccess access, Guid programmeId, Guid participantId, AssessmentStage stage, ResponseInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var (form, _, participant) = await TestAsync(access, programmeId, participantId, stage, ct);
        var answers = new FormAnswers
        {
            Values = new(input.Values.Where(v => form.Questions.ContainsKey(FormAnswers.QuestionName(v.Key))), StringComparer.Ordinal), RepeatCounts = input.RepeatCounts,
        };
        var evaluation = FormEvaluation.Of(form, answers, Today, input.Language, clock.GetUtcNow());
        if (ResponseService.Errors(evaluation) is { Count: > 0 } errors)
        {
            throw new RuleViolation(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), "The test is not complete: see each question.");
        }

        var score = evaluation.Score().Percent is { } percent ? Math.Round((decimal)percent, 1) : (decimal?)null;
        var stored = await db.Set<ParticipantAssessment>().SingleOrDefaultAsync(a => a.ParticipantId == participantId && a.Stage == stage, ct);
        var json = JsonSerializer.Serialize(answers, Json);
        if (stored is null)
        {
            db.Add(new ParticipantAssessment { ParticipantId = participantId, Stage = stage, Answers = json, Score = score, RecordedAt = clock.GetUtcNow() });
        }
        else
        {
            stored.Answers = json;
            stored.Score = score;
            stored.RecordedAt = clock.GetUtcNow();
        }

        audit.Record(access.Organisation.Id, "training.test-recorded", $"A participant's {stage.ToString().ToLowerInvariant()} test in the programme {programmeId}");
        await db.SaveChangesAsync(ct);
        return (await FindAsync(access, programmeId, ct)).Participants.Single(p => p.Id == participant.Id);
    }

    /// <summary>What a certificate says: the participant, the programme, the sessions attended and who issues it. None before a session is attended.</summary>
    public async Task<Certificate> CertificateAsync(OrganisationAccess access, Guid programmeId, Guid participantId, CancellationToken ct)
    {
        var programme = await OwnAsync(access, programmeId, ct);
        var participant = await db.Set<Participant>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == participantId && p.ProgrammeId == programmeId, ct)
            ?? throw RuleViolation.NotFound("participant");
        var sessions = await (from a in db.Set<SessionAttendance>()
                              join s in db.Set<TrainingSession>() on a.SessionId equals s.Id
                              where a.ParticipantId == participantId && s.ProgrammeId == programmeId
                              orderby s.StartsOn
                              select s).AsNoTracking().ToListAsync(ct);
        return sessions.Count == 0
            ? throw new RuleViolation("participant", "A certificate is issued once the participant has attended a session.", StatusCodes.Status409Conflict)
            : new(participant.Name, participant.Organisation, participant.Language, programme.Title, access.Organisation.Name,
                [.. sessions.Select(s => (s.Title, s.StartsOn, s.EndsOn))], Today);
    }

    private async Task<TrainingProgramme> OwnAsync(OrganisationAccess access, Guid programmeId, CancellationToken ct) =>
        await db.Set<TrainingProgramme>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId && p.OrganiserOrganisationId == access.Organisation.Id, ct)
            ?? throw RuleViolation.NotFound("programme");

    private static bool IsLanguage(string? language) => Library.LibraryService.Languages.Contains(language, StringComparer.Ordinal);


}

/// <summary>A certificate of participation's content, written in the participant's language.</summary>
public sealed record Certificate(string Name, string Organisation, string Language, string Programme, string IssuedBy,
    IReadOnlyList<(string Title, DateOnly StartsOn, DateOnly EndsOn)> Sessions, DateOnly IssuedOn);
