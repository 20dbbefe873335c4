using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.SupplyChain;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Assessments;

/// <summary>One submitted response with what the export says about where it came from.</summary>
public sealed record ExportedResponse(Guid AssignmentId, string Facility, string Organisation, DateTimeOffset SubmittedAt, double? ScorePercent, FormAnswers Answers);

/// <summary>
/// Submitted answers in the layout KoboToolbox users know: one column per question named by its
/// group path, each select_multiple also split into one 0/1 column per choice (path/choice), then
/// a geopoint also split into its latitude, longitude, altitude and precision, then
/// the underscore columns about the submission; a question this platform skips keeps its (empty) column; in XLSX, each repeat on a sheet of its own with
/// _index and _parent_index. Only the sender of the assignments exports them.
/// </summary>
public sealed class ResponseExport(AppDbContext db, QuestionnaireLibrary library)
{
    public async Task<(string FileName, string ContentType, byte[] Content)> ExportAsync(OrganisationAccess access, Guid questionnaireId, bool xlsx, CancellationToken ct)
    {
        var questionnaire = await library.FindUsableAsync(access, questionnaireId, ct);
        var form = await library.FormAsync(questionnaire.Id, ct);
        var id = access.Organisation.Id;
        // Read as a stream: tens of thousands of responses are written as they arrive, not held twice.
        var rows = (from a in db.Set<Assignment>()
                    join r in db.Set<AssessmentResponse>() on a.Id equals r.AssignmentId
                    join f in db.Set<Facility>() on a.FacilityId equals f.Id
                    join o in db.Set<Organisation>() on a.RespondentOrganisationId equals o.Id
                    where a.QuestionnaireId == questionnaire.Id && a.AssignedByOrganisationId == id && r.SubmittedAt != null
                    orderby r.SubmittedAt
                    select new { a.Id, Facility = f.Name, Organisation = o.Name, r.SubmittedAt, r.ScorePercent, r.Answers }).AsNoTracking()
            .AsEnumerable().Select(r => new ExportedResponse(r.Id, r.Facility, r.Organisation, r.SubmittedAt!.Value, r.ScorePercent, ResponseService.Parse(r.Answers)));
        var name = $"{questionnaire.FormId}-responses";
        return xlsx
            ? ($"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Xlsx.WriteSheets(Sheets(form, rows.ToList())))
            : ($"{name}.csv", "text/csv; charset=utf-8", Csv.File(Header(form), rows.Select((r, i) => Row(form, r, i + 1))));
    }

    public static IEnumerable<XlsxSheet> Sheets(XlsFormDefinition form, IReadOnlyList<ExportedResponse> responses)
    {
        yield return new XlsxSheet(SheetName(form.FormId), Header(form), responses.Select((r, i) => Row(form, r, i + 1)));
        foreach (var repeat in form.Groups.Where(g => g.IsRepeat))
        {
            var questions = Columns(form, repeat).ToList();
            yield return new XlsxSheet(SheetName(repeat.Name), questions.SelectMany(q => ColumnNames(form, q)).Concat(["_index", "_parent_index"]),
                responses.SelectMany((r, parent) => Enumerable.Range(0, r.Answers.Instances(repeat)).Select(i =>
                    questions.SelectMany(q => Cells(form, q, r.Answers.Get(q, i))).Concat([(object?)(i + 1), parent + 1]))));
        }
    }

    public static IEnumerable<string> Header(XlsFormDefinition form) =>
        Columns(form, null).SelectMany(q => ColumnNames(form, q)).Concat(["_id", "_facility", "_organisation", "_submission_time", "_score", "_index"]);

    public static IEnumerable<object?> Row(XlsFormDefinition form, ExportedResponse response, int index) =>
        Columns(form, null).SelectMany(q => Cells(form, q, response.Answers.Get(q)))
            .Concat([response.AssignmentId.ToString(), response.Facility, response.Organisation, response.SubmittedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"), response.ScorePercent, index]);

    /// <summary>The questions that hold answers, outside any repeat or inside the one given.</summary>
    private static IEnumerable<FormQuestion> Columns(XlsFormDefinition form, FormGroup? repeat) =>
        form.AllQuestions.Where(q => q.Type is not (QuestionType.Note or QuestionType.Metadata) && q.Repeat == repeat);

    private static IEnumerable<string> ColumnNames(XlsFormDefinition form, FormQuestion q) => q.Type switch
    {
        QuestionType.SelectMultiple => ChoiceNames(form, q).Select(c => $"{q.Path}/{c}").Prepend(q.Path),
        QuestionType.Geopoint => GeopointParts.Select(part => $"{GroupPrefix(q)}_{q.Name}_{part}").Prepend(q.Path),
        _ => [q.Path],
    };

    /// <summary>As KoboToolbox splits a geopoint: the whole answer, then group/_name_latitude, _longitude, _altitude and _precision.</summary>
    private static readonly string[] GeopointParts = ["latitude", "longitude", "altitude", "precision"];

    private static string GroupPrefix(FormQuestion q) => q.Parent is null ? "" : q.Parent.Path + "/";

    private static IEnumerable<object?> Cells(XlsFormDefinition form, FormQuestion q, string? value)
    {
        yield return value is { Length: > 0 } && q.Type is QuestionType.Integer or QuestionType.Decimal && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : value;
        if (q.Type == QuestionType.Geopoint)
        {
            var parts = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < GeopointParts.Length; i++)
            {
                yield return i < parts.Length && double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var part) ? part : null;
            }
        }

        if (q.Type == QuestionType.SelectMultiple)
        {
            var chosen = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var choice in ChoiceNames(form, q))
            {
                yield return value is null ? null : chosen.Contains(choice) ? 1 : 0;
            }
        }
    }

    private static IEnumerable<string> ChoiceNames(XlsFormDefinition form, FormQuestion q) =>
        (q.ListName is not null && form.Choices.TryGetValue(q.ListName, out var list) ? list.Select(c => c.Name) : []).Concat(q.OrOther ? ["other"] : []);

    /// <summary>Sheet names are at most 31 characters and cannot hold []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "responses" : clean;
    }
}
