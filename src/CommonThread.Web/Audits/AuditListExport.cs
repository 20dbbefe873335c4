using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Audits;

/// <summary>The audits and plans lists as files: the filtered set whole, in CSV (UTF-8 with BOM) and XLSX with the same columns.</summary>
public static class AuditListExport
{
    private static readonly string[] PlanHeader = ["plan", "facility", "country", "supplier", "followed_by", "items", "open", "overdue", "verified", "next_due", "created"];

    private static readonly string[] AuditHeader = ["facility", "country", "standard", "auditor", "started_on", "ended_on", "recorded_by", "findings", "severities", "categories"];

    private static IEnumerable<object?[]> PlanRows(IEnumerable<CorrectivePlanRow> rows) => rows.Select(r => new object?[]
    {
        r.Summary.Title, r.Summary.Facility, r.CountryCode, r.Summary.Supplier, r.Summary.FollowedBy, r.Summary.Items, r.Summary.Open, r.Summary.Overdue, r.Summary.Verified,
        r.NextDue?.ToString("yyyy-MM-dd"), r.CreatedAt.ToString("yyyy-MM-dd"),
    });

    private static IEnumerable<object?[]> AuditRows(IEnumerable<AuditRow> rows) => rows.Select(r => new object?[]
    {
        r.Audit.Facility, r.CountryCode, r.Audit.Standard, r.Audit.Auditor, r.Audit.StartedOn.ToString("yyyy-MM-dd"), r.Audit.EndedOn.ToString("yyyy-MM-dd"), r.Audit.RecordedBy,
        r.Audit.NonConformities.Count, string.Join("; ", r.Audit.NonConformities.Select(n => n.Severity).Distinct()), string.Join("; ", r.Audit.NonConformities.Select(n => n.Category).Distinct()),
    });

    public static byte[] PlansCsv(IEnumerable<CorrectivePlanRow> rows) => Csv.File(PlanHeader, PlanRows(rows));

    public static byte[] PlansXlsx(IEnumerable<CorrectivePlanRow> rows) => Xlsx.Write("Plans", PlanHeader, PlanRows(rows));

    public static byte[] AuditsCsv(IEnumerable<AuditRow> rows) => Csv.File(AuditHeader, AuditRows(rows));

    public static byte[] AuditsXlsx(IEnumerable<AuditRow> rows) => Xlsx.Write("Audits", AuditHeader, AuditRows(rows));
}
