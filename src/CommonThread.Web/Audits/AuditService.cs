using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Audits;

/// <summary>Audits and their non-conformities: recorded by anyone who sees the facility, read by the recorder and the facility's operator.</summary>
public sealed class AuditService(AppDbContext db, SupplyChainService chain, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] NonConformityColumns = ["finding", "severity", "category", "clause"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Buyers, operators and initiatives have audits done; an intermediary hands out work and the platform's
    /// administrators run the platform, so neither records one (their pages hide the form; this refuses the request).
    /// </summary>
    public static bool RecordsAudits(OrganisationKind kind) => kind is not (OrganisationKind.Intermediary or OrganisationKind.PlatformAdmin);

    public async Task<AuditDto> RecordAsync(OrganisationAccess access, AuditInput input, CancellationToken ct)
    {
        if (!RecordsAudits(access.Organisation.Kind))
        {
            throw new RuleViolation("organisation", "Brands, suppliers, unions and initiatives record audits; intermediaries and the platform's administrators do not.",
                StatusCodes.Status403Forbidden);
        }

        var visible = await chain.FindVisibleAsync(access.Organisation.Id, input.FacilityId ?? Guid.Empty, ct);
        if (string.IsNullOrWhiteSpace(input.Standard) || string.IsNullOrWhiteSpace(input.Auditor))
        {
            throw new RuleViolation(string.IsNullOrWhiteSpace(input.Standard) ? "standard" : "auditor", "Name the standard or scheme and the auditor.");
        }

        if (input.StartedOn is not { } started || input.EndedOn is not { } ended || ended < started)
        {
            throw new RuleViolation("endedOn", "An audit ends on or after the day it starts.");
        }

        Plausible.Day.Require(started, "startedOn");

        if (ended > Today)
        {
            throw new RuleViolation("endedOn", "Record an audit once it has taken place.");
        }

        for (var i = 0; i < input.NonConformities.Count; i++)
        {
            var n = input.NonConformities[i];
            if (string.IsNullOrWhiteSpace(n.Finding) || n.Severity is null || n.Category is null)
            {
                throw new RuleViolation($"nonConformities[{i}]", "Each finding says what was found, how severe it is and what it is about.");
            }
        }

        var recorded = new Audit
        {
            FacilityId = visible.Facility.Id, RecordedByOrganisationId = access.Organisation.Id, Standard = input.Standard.Trim(), Auditor = input.Auditor.Trim(),
            StartedOn = started, EndedOn = ended, RecordedAt = clock.GetUtcNow(),
        };
        db.Add(recorded);
        db.AddRange(input.NonConformities.Select(n => new NonConformity
        {
            AuditId = recorded.Id, Finding = n.Finding.Trim(), Severity = n.Severity!.Value, Category = n.Category!.Value, Clause = TextInput.OrNull(n.Clause),
        }));
        audit.Record(access.Organisation.Id, "audit.recorded", $"{recorded.Standard} audit of '{visible.Facility.Name}' ({started:yyyy-MM-dd}) with {input.NonConformities.Count} findings");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, recorded.Id, ct);
    }

    public async Task<IReadOnlyList<AuditDto>> ListAsync(OrganisationAccess access, CancellationToken ct) => (await ReadAsync(access, null, ct)).Select(r => r.Audit).ToList();

    /// <summary>The readable audits, newest first, each with its facility's country (which the audits list filters on).</summary>
    public async Task<IReadOnlyList<AuditRow>> RowsAsync(OrganisationAccess access, CancellationToken ct) => await ReadAsync(access, null, ct);

    public async Task<AuditDto> FindAsync(OrganisationAccess access, Guid auditId, CancellationToken ct) =>
        (await ReadAsync(access, auditId, ct)).SingleOrDefault()?.Audit ?? throw RuleViolation.NotFound("audit");

    /// <summary>The readable audits (or the one asked for), newest first, with their findings: two queries however many audits.</summary>
    private async Task<List<AuditRow>> ReadAsync(OrganisationAccess access, Guid? auditId, CancellationToken ct)
    {
        var audits = await (from a in Readable(access.Organisation.Id)
                            join f in db.Set<Facility>() on a.FacilityId equals f.Id
                            join o in db.Set<Organisation>() on a.RecordedByOrganisationId equals o.Id
                            where auditId == null || a.Id == auditId
                            orderby a.EndedOn descending
                            select new { a.Id, a.FacilityId, Facility = f.Name, f.CountryCode, RecordedBy = o.Name, a.Standard, a.Auditor, a.StartedOn, a.EndedOn, a.ReportFileName })
            .AsNoTracking().ToListAsync(ct);
        var ids = audits.Select(a => a.Id).ToList();
        var findings = (await db.Set<NonConformity>().AsNoTracking().Where(n => ids.Contains(n.AuditId)).OrderBy(n => n.Id).ToListAsync(ct)).ToLookup(n => n.AuditId);
        return audits.Select(a => new AuditRow(new AuditDto(a.Id, a.FacilityId, a.Facility, a.RecordedBy, a.Standard, a.Auditor, a.StartedOn, a.EndedOn, a.ReportFileName,
            findings[a.Id].Select(n => new NonConformityDto(n.Id, n.Finding, n.Severity, n.Category, n.Clause)).ToList()), a.CountryCode)).ToList();
    }

    /// <summary>Findings from a CSV or XLSX file (finding, severity, category, clause): all rows or none.</summary>
    public async Task<NonConformityImportReport> ImportNonConformitiesAsync(OrganisationAccess access, Guid auditId, string fileName, byte[] bytes, CancellationToken ct)
    {
        var target = await RecordedByAsync(access, auditId, ct);
        var (rows, positions, problems) = TableFile.ReadWithHeader(fileName, bytes, NonConformityColumns, ["finding", "severity", "category"]);
        var findings = new List<NonConformity>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new TableRow(r + 1, rows[r], positions, (n, column, message) => problems.Add(ImportRowProblem.Of(n, column, message)));
            var finding = row.Text("finding", NonConformity.FindingMaxLength, required: true);
            var severity = row.Choice<Severity>("severity");
            var category = row.Choice<FindingCategory>("category");
            var clause = row.Text("clause", 100);
            if (severity is null && !row.HasProblemIn("severity"))
            {
                row.Problem("severity", Phrase.Of("Say how severe: {0}.", string.Join(", ", Enum.GetNames<Severity>())));
            }

            if (category is null && !row.HasProblemIn("category"))
            {
                row.Problem("category", Phrase.Of("Say what it is about: {0}.", string.Join(", ", Enum.GetNames<FindingCategory>())));
            }

            if (!row.HasProblems)
            {
                findings.Add(new NonConformity { AuditId = target.Id, Finding = finding!, Severity = severity!.Value, Category = category!.Value, Clause = clause });
            }
        }

        if (problems.Count > 0)
        {
            return new(rows.Count - 1, 0, problems.Kept, problems.Count);
        }

        db.AddRange(findings);
        audit.Record(access.Organisation.Id, "audit.findings-imported", $"{findings.Count} findings imported from {fileName}");
        await db.SaveChangesAsync(ct);
        return new(rows.Count - 1, findings.Count, [], 0);
    }

    public async Task AttachReportAsync(OrganisationAccess access, Guid auditId, string fileName, byte[] bytes, CancellationToken ct)
    {
        var target = await RecordedByAsync(access, auditId, ct);
        var name = AttachedDocument.Checked(fileName, bytes, "a report");
        var tracked = await db.Set<Audit>().FirstAsync(a => a.Id == target.Id, ct);
        tracked.ReportFileName = name;
        tracked.Report = bytes;
        audit.Record(access.Organisation.Id, "audit.report-attached", $"Report '{tracked.ReportFileName}' attached to the {tracked.Standard} audit");
        await db.SaveChangesAsync(ct);
    }

    public async Task<(string FileName, byte[] Content)> ReportAsync(OrganisationAccess access, Guid auditId, CancellationToken ct)
    {
        var found = await Readable(access.Organisation.Id).Where(a => a.Id == auditId).Select(a => new { a.ReportFileName, a.Report }).FirstOrDefaultAsync(ct);
        return found is { ReportFileName: { } name, Report: { } content } ? (name, content) : throw RuleViolation.NotFound("report");
    }

    private async Task<Audit> RecordedByAsync(OrganisationAccess access, Guid auditId, CancellationToken ct) =>
        await db.Set<Audit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId && a.RecordedByOrganisationId == access.Organisation.Id, ct)
        ?? (await Readable(access.Organisation.Id).AnyAsync(a => a.Id == auditId, ct)
            ? throw new RuleViolation("audit", "Only the organisation that recorded the audit changes it.", StatusCodes.Status403Forbidden)
            : throw RuleViolation.NotFound("audit"));

    /// <summary>
    /// The findings of the audits the organisation reads, counted per facility and category with the worst
    /// severity and the latest audit: evidence a risk register is proposed from, without the findings' text.
    /// </summary>
    public async Task<IReadOnlyList<FindingTally>> FindingTalliesAsync(OrganisationAccess access, CancellationToken ct)
    {
        var findings = await (from a in Readable(access.Organisation.Id)
                              join n in db.Set<NonConformity>() on a.Id equals n.AuditId
                              select new { a.FacilityId, n.Category, n.Severity, a.EndedOn }).AsNoTracking().ToListAsync(ct);
        return findings.GroupBy(f => (f.FacilityId, f.Category))
            .Select(g => new FindingTally(g.Key.FacilityId, g.Key.Category, g.Count(), g.Max(f => f.Severity), g.Max(f => f.EndedOn)))
            .OrderBy(t => t.FacilityId).ThenBy(t => t.Category).ToList();
    }

    /// <summary>The recorder's audits, and audits of the facilities the organisation runs.</summary>
    private IQueryable<Audit> Readable(Guid organisationId) =>
        from a in db.Set<Audit>()
        join f in db.Set<Facility>() on a.FacilityId equals f.Id
        where a.RecordedByOrganisationId == organisationId || f.OperatorOrganisationId == organisationId
        select a;
}
