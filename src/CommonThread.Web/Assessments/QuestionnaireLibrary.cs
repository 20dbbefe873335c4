using System.Collections.Concurrent;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.XlsForm;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Assessments;

/// <param name="Adaptations">The questions this platform skips or asks as plain inputs, with why: what the author is told at upload and on the list.</param>
public sealed record QuestionnaireDto(Guid Id, string Title, string FormId, string? Version, IReadOnlyList<string> Languages, int Questions, bool Starter, DateTimeOffset ImportedAt,
    IReadOnlyList<FormAdaptation> Adaptations);

/// <summary>
/// The questionnaires an organisation may use: those it uploaded and the starters shipped with
/// CommonThread. Loaded forms are kept in memory by id: a questionnaire never changes once stored.
/// </summary>
public sealed class QuestionnaireLibrary(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<Guid, XlsFormDefinition> Loaded = new();

    /// <summary>The starters, shipped as XLSForm files beside this class, stored at start-up under fixed ids.</summary>
    public static readonly IReadOnlyList<(Guid Id, string FileName)> Starters =
    [
        (new("0193a1b2-0000-7000-8000-00000000f0a1"), "foa-supplier-questionnaire.csv"),
        (new("0193a1b2-0000-7000-8000-00000000f0a2"), "worker-representative-interview.csv"),
    ];

    public async Task<IReadOnlyList<QuestionnaireDto>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var stored = (await db.Set<Questionnaire>().AsNoTracking().Where(q => q.OwnerOrganisationId == id || q.OwnerOrganisationId == null)
            .Select(q => new { q.Id, q.Title, q.FormId, q.Version, q.Languages, q.QuestionCount, q.OwnerOrganisationId, q.ImportedAt }).ToListAsync(ct))
            .OrderBy(q => q.OwnerOrganisationId is not null).ThenBy(q => q.Title).ToList();
        var list = new List<QuestionnaireDto>(stored.Count);
        foreach (var q in stored)
        {
            var adaptations = (await FormAsync(q.Id, ct)).Adaptations;
            list.Add(new(q.Id, q.Title, q.FormId, q.Version, q.Languages.Split('|'), q.QuestionCount, q.OwnerOrganisationId is null, q.ImportedAt, adaptations));
        }

        return list;
    }

    public async Task<QuestionnaireDto> ImportAsync(OrganisationAccess access, string fileName, byte[] bytes, CancellationToken ct)
    {
        var form = XlsFormFile.Load(fileName, bytes);
        var marks = RiskFromAnswers.Problems(form);
        if (marks.Count > 0)
        {
            throw new RuleViolation(marks, "The questionnaire's risk marks need attention: nothing was imported.");
        }

        var questionnaire = Create(form, fileName, bytes, access.Organisation.Id);
        db.Add(questionnaire);
        audit.Record(access.Organisation.Id, "questionnaire.imported", $"Questionnaire '{questionnaire.Title}' ({questionnaire.FormId} {questionnaire.Version}) imported");
        await db.SaveChangesAsync(ct);
        Loaded[questionnaire.Id] = form;
        return Dto(questionnaire, form);
    }

    /// <summary>A questionnaire this organisation may use (its own or a starter), or 404.</summary>
    public async Task<Questionnaire> FindUsableAsync(OrganisationAccess access, Guid id, CancellationToken ct)
    {
        return await db.Set<Questionnaire>().AsNoTracking()
            .FirstOrDefaultAsync(q => q.Id == id && (q.OwnerOrganisationId == null || q.OwnerOrganisationId == access.Organisation.Id), ct)
            ?? throw RuleViolation.NotFound("questionnaire");
    }

    /// <summary>The loaded form of a stored questionnaire (checked when it was stored, so it loads).</summary>
    public async Task<XlsFormDefinition> FormAsync(Guid questionnaireId, CancellationToken ct)
    {
        if (Loaded.TryGetValue(questionnaireId, out var form))
        {
            return form;
        }

        var stored = await db.Set<Questionnaire>().AsNoTracking().Where(q => q.Id == questionnaireId).Select(q => new { q.FileName, q.Content }).FirstOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("questionnaire");
        return Loaded[questionnaireId] = XlsFormFile.Load(stored.FileName, stored.Content);
    }

    /// <summary>Stores the starters that are not stored yet; run at start-up.</summary>
    public async Task EnsureStartersAsync(CancellationToken ct)
    {
        var ids = Starters.Select(s => s.Id).ToList();
        var present = await db.Set<Questionnaire>().Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        if (present.Count == Starters.Count)
        {
            return;
        }

        foreach (var (id, fileName) in Starters.Where(s => !present.Contains(s.Id)))
        {
            var bytes = StarterFile(fileName);
            var starter = Create(XlsFormFile.Load(fileName, bytes), fileName, bytes, null, id);
            db.Add(starter);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another request stored them first: they are the same files.
            db.ChangeTracker.Clear();
        }
    }

    public static byte[] StarterFile(string fileName)
    {
        using var stream = typeof(QuestionnaireLibrary).Assembly.GetManifestResourceStream($"CommonThread.Web.Assessments.Starters.{fileName}")
            ?? throw new InvalidOperationException($"The starter questionnaire {fileName} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private Questionnaire Create(XlsFormDefinition form, string fileName, byte[] bytes, Guid? owner, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(), OwnerOrganisationId = owner, Title = Shorten(form.Title, Questionnaire.TitleMaxLength), FormId = Shorten(form.FormId, 200),
        Version = form.Version is null ? null : Shorten(form.Version, 100), Languages = Shorten(string.Join('|', form.Languages), 1000),
        QuestionCount = form.AllQuestions.Count(q => q.IsAsked && q.Type != QuestionType.Note), FileName = Shorten(Path.GetFileName(fileName), 255), Content = bytes,
        ImportedAt = clock.GetUtcNow(),
    };

    public static QuestionnaireDto Dto(Questionnaire q, XlsFormDefinition form) =>
        new(q.Id, q.Title, q.FormId, q.Version, q.LanguageList, q.QuestionCount, q.OwnerOrganisationId is null, q.ImportedAt, form.Adaptations);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
