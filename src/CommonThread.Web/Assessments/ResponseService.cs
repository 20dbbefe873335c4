using System.Globalization;
using System.Text.Json;
using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Assessments;

/// <summary>An assignment opened by one of its two sides, with the form and the answers so far.</summary>
public sealed record OpenAssignment(Assignment Assignment, Questionnaire Questionnaire, XlsFormDefinition Form, AssessmentResponse? Response, bool MayAnswer, string Facility)
{
    public FormAnswers Answers => Response is null ? new FormAnswers() : ResponseService.Parse(Response.Answers);

    public string Language => Response?.Language is { Length: > 0 } language && Form.Languages.Contains(language) ? language : Form.Languages[0];
}

/// <summary>A photo or document posted for an image or file question: the answer key (question, or question#instance) it answers.</summary>
public sealed record AnswerFile(string Key, string FileName, byte[] Bytes);

/// <summary>
/// Answering an assignment: drafts kept between visits, a submission checked against the whole form
/// (nothing is stored when an answer is refused), scored, and turned into FoA profile facts.
/// </summary>
public sealed class ResponseService(AppDbContext db, QuestionnaireLibrary library, FoaProfileService foa, Notifier notifier, AuditLog audit, CurrentUser me, TimeProvider clock)
{
    /// <summary>More than any questionnaire's answers; a larger draft is refused rather than stored.</summary>
    public const int MaxAnswerLength = 10_000;
    public const int MaxAnswers = 20_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The respondent opens it to answer; the sender opens it to read once it is submitted. Anyone else: 404.</summary>
    public async Task<OpenAssignment> OpenAsync(OrganisationAccess access, Guid assignmentId, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var found = await (from a in db.Set<Assignment>()
                           join q in db.Set<Questionnaire>() on a.QuestionnaireId equals q.Id
                           join f in db.Set<Facility>() on a.FacilityId equals f.Id
                           where a.Id == assignmentId && (a.RespondentOrganisationId == id || (a.AssignedByOrganisationId == id && a.SubmittedAt != null))
                           select new { a, q, Facility = f.Name }).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("assignment");
        var response = await db.Set<AssessmentResponse>().AsNoTracking().FirstOrDefaultAsync(r => r.AssignmentId == assignmentId, ct);
        var mayAnswer = found.a.RespondentOrganisationId == id && found.a.SubmittedAt is null && access.Allows(MemberRole.Editor);
        return new(found.a, found.q, await library.FormAsync(found.q.Id, ct), response, mayAnswer, found.Facility);
    }

    /// <summary>The form's state for these answers, for the page's live update; answers to questions the form does not have are passed over, and nothing is stored.</summary>
    public async Task<FormStateDto> EvaluateAsync(OrganisationAccess access, Guid assignmentId, ResponseInput input, CancellationToken ct)
    {
        var form = (await OpenAsync(access, assignmentId, ct)).Form;
        var answers = new FormAnswers
        {
            Values = new(input.Values.Where(v => form.Questions.ContainsKey(FormAnswers.QuestionName(v.Key))), StringComparer.Ordinal), RepeatCounts = input.RepeatCounts,
        };
        var evaluation = FormEvaluation.Of(form, answers, Today, input.Language, clock.GetUtcNow());
        var hidden = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, instance) in evaluation.Walk())
        {
            var key = FormAnswers.Key(item, instance);
            if (!evaluation.IsRelevant(item, instance))
            {
                hidden.Add(key);
            }
            else if (item is FormQuestion { Calculation: not null } q)
            {
                values[key] = evaluation.Value(q, instance);
            }
        }

        return new(hidden, values, Errors(evaluation), evaluation.Score().Percent);
    }

    public static Dictionary<string, string> Errors(FormEvaluation evaluation) =>
        evaluation.Errors().GroupBy(e => FormAnswers.Key(e.Question, e.Instance)).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);

    public Task<ResponseDto> SaveDraftAsync(OrganisationAccess access, Guid assignmentId, ResponseInput input, CancellationToken ct) =>
        SaveDraftAsync(access, assignmentId, input, [], ct);

    /// <param name="files">Photos and documents given to image and file questions with these answers; each becomes its question's answer.</param>
    public async Task<ResponseDto> SaveDraftAsync(OrganisationAccess access, Guid assignmentId, ResponseInput input, IReadOnlyList<AnswerFile> files, CancellationToken ct)
    {
        var open = await MayAnswerAsync(access, assignmentId, ct);
        var answers = Checked(open.Form, input);
        await AttachAsync(open, answers, files, ct);
        var response = await TrackedResponseAsync(open, ct);
        KeepCalculations(open.Form, Parse(response.Answers), answers);
        response.Answers = JsonSerializer.Serialize(answers, Json);
        response.Language = Language(open.Form, input.Language);
        response.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Dto(open.Form, response);
    }

    public Task<ResponseDto> SubmitAsync(OrganisationAccess access, Guid assignmentId, ResponseInput input, CancellationToken ct) =>
        SubmitAsync(access, assignmentId, input, [], ct);

    public async Task<ResponseDto> SubmitAsync(OrganisationAccess access, Guid assignmentId, ResponseInput input, IReadOnlyList<AnswerFile> files, CancellationToken ct)
    {
        var open = await MayAnswerAsync(access, assignmentId, ct);
        var answers = Checked(open.Form, input);
        await AttachAsync(open, answers, files, ct);
        var response = await TrackedResponseAsync(open, ct);
        KeepCalculations(open.Form, Parse(response.Answers), answers);
        var language = Language(open.Form, input.Language);
        var evaluation = FormEvaluation.Of(open.Form, answers, Today, language, clock.GetUtcNow());
        var errors = Errors(evaluation);
        if (errors.Count > 0)
        {
            throw new RuleViolation(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), Phrase.Of("{0} answer(s) need attention: nothing was submitted.", errors.Count));
        }

        var now = clock.GetUtcNow();
        var score = evaluation.Score();
        var submission = evaluation.Submission();
        await ForgetUnusedFilesAsync(assignmentId, submission, ct);
        response.Answers = JsonSerializer.Serialize(new FormAnswers
        {
            Values = new(submission, StringComparer.Ordinal),
            RepeatCounts = open.Form.Groups.Where(g => g.IsRepeat).ToDictionary(g => g.Name, evaluation.Instances),
        }, Json);
        response.Language = language;
        response.UpdatedAt = now;
        response.SubmittedAt = now;
        response.SubmittedByUserId = me.UserId;
        (response.ScorePoints, response.ScoreMaximum, response.ScorePercent) = (score.Maximum > 0 ? score.Points : null, score.Maximum > 0 ? score.Maximum : null, score.Percent);
        response.SectionScores = JsonSerializer.Serialize(score.Sections, Json);
        response.RiskSignals = RiskFromAnswers.Stored(RiskFromAnswers.Signals(evaluation, language));
        var assignment = await db.Set<Assignment>().FirstAsync(a => a.Id == assignmentId, ct);
        assignment.SubmittedAt = now;
        foa.AddFrom(FactSource.SelfDeclared, assignment.FacilityId, access.Organisation.Id, FoaFromAnswers.Facts(evaluation, Today), now);
        await notifier.TellAsync([assignment.AssignedByOrganisationId], Phrase.Of("{0} answered '{1}' for {2}.", access.Organisation.Name, open.Questionnaire.Title, open.Facility),
            o => $"/o/{o}/assessments/{assignment.Id}", ct);
        audit.Record(access.Organisation.Id, "questionnaire.submitted", $"'{open.Questionnaire.Title}' answered for '{open.Facility}'");
        await db.SaveChangesAsync(ct);
        return Dto(open.Form, response);
    }

    public async Task<ResponseDto> ReadAsync(OrganisationAccess access, Guid assignmentId, CancellationToken ct)
    {
        var open = await OpenAsync(access, assignmentId, ct);
        return open.Response is null ? new(assignmentId, open.Language, new Dictionary<string, string>(), new Dictionary<string, int>(), null, null, [])
            : Dto(open.Form, open.Response);
    }

    /// <summary>Stores one photo or document as the draft's answer to an image or file question (the API's upload).</summary>
    public async Task<ResponseDto> AttachFileAsync(OrganisationAccess access, Guid assignmentId, AnswerFile file, CancellationToken ct)
    {
        var open = await MayAnswerAsync(access, assignmentId, ct);
        var response = await TrackedResponseAsync(open, ct);
        var answers = Parse(response.Answers);
        await AttachAsync(open, answers, [file], ct);
        response.Answers = JsonSerializer.Serialize(answers, Json);
        response.Language = Language(open.Form, response.Language);
        response.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Dto(open.Form, response);
    }

    /// <summary>The photo or document answering <paramref name="key"/>, for the two sides that may open the assignment.</summary>
    public async Task<AssessmentFile> FileAsync(OrganisationAccess access, Guid assignmentId, string key, CancellationToken ct)
    {
        await OpenAsync(access, assignmentId, ct);
        return await db.Set<AssessmentFile>().AsNoTracking().FirstOrDefaultAsync(f => f.AssignmentId == assignmentId && f.QuestionKey == key, ct)
            ?? throw RuleViolation.NotFound("file");
    }

    /// <summary>
    /// Each file must answer an image or file question of this form and be what its name says (a photo a JPEG or PNG);
    /// it replaces the one stored for that answer, and its name becomes the answer. A refusal is placed beside the question.
    /// </summary>
    private async Task AttachAsync(OpenAssignment open, FormAnswers answers, IReadOnlyList<AnswerFile> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            if (file.Key.Length > AssessmentFile.KeyMaxLength
                || !open.Form.Questions.TryGetValue(FormAnswers.QuestionName(file.Key), out var question) || question.Type is not (QuestionType.Image or QuestionType.File))
            {
                throw new RuleViolation(file.Key, "This question does not take a file.");
            }

            string name;
            try
            {
                name = AttachedDocument.Checked(file.FileName, file.Bytes, question.Type == QuestionType.Image ? "a photo" : "a document");
            }
            catch (RuleViolation e)
            {
                // The same words, against the question the file answers rather than the helper's "file".
                throw e.For(file.Key);
            }

            var type = FileSignature.TypeOf(file.Bytes) ?? "application/octet-stream";
            if (question.Type == QuestionType.Image && type is not (FileSignature.Jpeg or FileSignature.Png))
            {
                throw new RuleViolation(file.Key, "Attach the photo as a JPEG or PNG image.");
            }

            var stored = await db.Set<AssessmentFile>().FirstOrDefaultAsync(f => f.AssignmentId == open.Assignment.Id && f.QuestionKey == file.Key, ct);
            if (stored is null)
            {
                stored = new AssessmentFile { AssignmentId = open.Assignment.Id, QuestionKey = file.Key };
                db.Add(stored);
            }

            (stored.FileName, stored.ContentType, stored.Content, stored.UploadedAt) = (name, type, file.Bytes, clock.GetUtcNow());
            answers.Values[file.Key] = name;
        }
    }

    /// <summary>A submission keeps only the files of answers it keeps: a photo of a question skipped by the form's logic goes.</summary>
    private async Task ForgetUnusedFilesAsync(Guid assignmentId, IReadOnlyDictionary<string, string> submission, CancellationToken ct)
    {
        var stored = await db.Set<AssessmentFile>().Where(f => f.AssignmentId == assignmentId).ToListAsync(ct);
        var justAttached = db.ChangeTracker.Entries<AssessmentFile>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        foreach (var file in stored.Concat(justAttached).Distinct().ToList())
        {
            if (submission.GetValueOrDefault(file.QuestionKey) != file.FileName)
            {
                db.Remove(file);
            }
        }
    }

    private async Task<OpenAssignment> MayAnswerAsync(OrganisationAccess access, Guid assignmentId, CancellationToken ct)
    {
        var open = await OpenAsync(access, assignmentId, ct);
        if (open.Assignment.SubmittedAt is not null)
        {
            throw RuleViolation.Conflict("assignment", "This questionnaire was submitted already; submitted answers do not change.");
        }

        if (!open.MayAnswer)
        {
            throw new RuleViolation("assignment", "Only editors of the organisation asked may answer.", StatusCodes.Status403Forbidden);
        }

        return open;
    }

    private async Task<AssessmentResponse> TrackedResponseAsync(OpenAssignment open, CancellationToken ct)
    {
        if (await db.Set<AssessmentResponse>().FirstOrDefaultAsync(r => r.AssignmentId == open.Assignment.Id, ct) is { } existing)
        {
            return existing;
        }

        var created = new AssessmentResponse { AssignmentId = open.Assignment.Id };
        db.Add(created);
        return created;
    }

    /// <summary>
    /// Calculations are kept with the draft as they were worked out, the earlier draft's first, so that once()
    /// (an interview's start time, an id drawn once) keeps its first value across saves instead of being
    /// worked out again; every other calculation is recomputed from the answers whatever is kept.
    /// </summary>
    private void KeepCalculations(XlsFormDefinition form, FormAnswers earlier, FormAnswers answers)
    {
        foreach (var (key, value) in earlier.Values)
        {
            if (form.Questions.TryGetValue(FormAnswers.QuestionName(key), out var question) && question.Calculation is not null && value.Length > 0)
            {
                answers.Values[key] = value;
            }
        }

        var evaluation = FormEvaluation.Of(form, answers, Today, null, clock.GetUtcNow());
        foreach (var question in form.AllQuestions.Where(q => q.Calculation is not null))
        {
            for (var i = 0; i < (question.Repeat is { } repeat ? evaluation.Instances(repeat) : 1); i++)
            {
                if (evaluation.Value(question, i) is { Length: > 0 } value)
                {
                    answers.Values[FormAnswers.Key(question, i)] = value;
                }
            }
        }
    }

    /// <summary>Answers only to questions of this form, within sizes a form can need.</summary>
    private static FormAnswers Checked(XlsFormDefinition form, ResponseInput input)
    {
        if (input.Values.Count > MaxAnswers || input.Values.Values.Any(v => v is null || v.Length > MaxAnswerLength))
        {
            throw new RuleViolation("values", Phrase.Of("Answers are limited to {0} characters each.", MaxAnswerLength.ToString("N0", CultureInfo.InvariantCulture)));
        }

        var questions = form.Questions;
        var unknown = input.Values.Keys.FirstOrDefault(k => !questions.ContainsKey(FormAnswers.QuestionName(k)));
        if (unknown is not null)
        {
            throw new RuleViolation("values", Phrase.Of("'{0}' is not a question of this form.", unknown));
        }

        var repeats = input.RepeatCounts.Where(r => r.Value < 0 || r.Value > FormAnswers.MaxInstances).Select(r => r.Key).FirstOrDefault();
        if (repeats is not null)
        {
            throw new RuleViolation("repeatCounts", Phrase.Of("A repeat holds between 0 and {0} entries.", FormAnswers.MaxInstances));
        }

        return new FormAnswers { Values = new(input.Values, StringComparer.Ordinal), RepeatCounts = new(input.RepeatCounts, StringComparer.Ordinal) };
    }

    private static string Language(XlsFormDefinition form, string? asked) => asked is not null && form.Languages.Contains(asked) ? asked : form.Languages[0];

    public static FormAnswers Parse(string json) => JsonSerializer.Deserialize<FormAnswers>(json, Json) ?? new FormAnswers();

    private static ResponseDto Dto(XlsFormDefinition form, AssessmentResponse r)
    {
        var answers = Parse(r.Answers);
        var sections = r.SectionScores is null ? [] : JsonSerializer.Deserialize<List<SectionScore>>(r.SectionScores, Json) ?? [];
        return new(r.AssignmentId, r.Language, answers.Values, answers.RepeatCounts, r.SubmittedAt, r.ScorePercent,
            sections.Select(s => new SectionScoreDto(s.Name, s.Label, s.Points, s.Maximum, s.Percent)).ToList());
    }
}
