using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Assessments;

/// <summary>A list of questionnaires sent or received as a file: the filtered set whole, in CSV (UTF-8 with BOM) and XLSX with the same columns.</summary>
public static class AssignmentListExport
{
    private static readonly string[] Header = ["questionnaire", "facility", "country", "respondent", "sent_by", "sent_on", "due_on", "status", "submitted_on", "score_percent"];

    private static IEnumerable<object?[]> Rows(IEnumerable<AssignmentDto> rows) => rows.Select(a => new object?[]
    {
        a.Questionnaire, a.Facility, a.FacilityCountryCode, a.Respondent, a.AssignedBy, a.AssignedAt.ToString("yyyy-MM-dd"), a.DueOn.ToString("yyyy-MM-dd"),
        a.Status.ToString().ToLowerInvariant(), a.SubmittedOn?.ToString("yyyy-MM-dd"), a.ScorePercent is { } s ? Math.Round(s, 1) : null,
    });

    public static byte[] Csv(IEnumerable<AssignmentDto> rows) => Platform.Files.Csv.File(Header, Rows(rows));

    public static byte[] Xlsx(IEnumerable<AssignmentDto> rows) => Platform.Files.Xlsx.Write("Assignments", Header, Rows(rows));
}
