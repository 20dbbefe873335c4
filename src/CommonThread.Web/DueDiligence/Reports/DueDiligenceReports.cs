using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence.Reports;

/// <summary>A point as the report shows it: its figure, the records behind it, and what is missing, in the reader's language.</summary>
public sealed record ReportLine(string Key, string Label, string? Value, string? Records, string? Gap);

public sealed record ReportPart(string Id, string Title, IReadOnlyList<ReportLine> Lines);

/// <summary>A report generated from the records, with the list of its gaps: what the structure asks for that the records do not yet show.</summary>
public sealed record DueDiligenceReport(string Key, string Name, string Version, DateOnly EffectiveFrom, string Basis, string Organisation, DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportPart> Sections, IReadOnlyList<string> Gaps);

/// <summary>
/// The reports the law asks for (CSDDD statement, LkSG documentation, ESRS S2, OECD self-assessment), each
/// in the structure version in force today, filled with the organisation's figures. Brands and suppliers
/// report on their own chains; a report reads only what <see cref="ReportFigures"/> may read for them.
/// </summary>
public sealed class DueDiligenceReports(ReportFigures figures, TimeProvider clock)
{
    public static bool Reports(OrganisationKind kind) => kind is OrganisationKind.Brand or OrganisationKind.Supplier;

    public IReadOnlyList<ReportStructure> Available(OrganisationAccess access) =>
        Reports(access.Organisation.Kind) ? ReportStructures.InForce(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : [];

    public async Task<DueDiligenceReport> BuildAsync(OrganisationAccess access, string key, IStringLocalizer text, CancellationToken ct)
    {
        if (!Reports(access.Organisation.Kind))
        {
            throw new RuleViolation("organisation", "Only a brand or a supplier reports on its due diligence.", StatusCodes.Status403Forbidden);
        }

        var structure = Available(access).FirstOrDefault(r => r.Key == key) ?? throw RuleViolation.NotFound("report");
        var values = await figures.ForAsync(access, ct);
        var sections = structure.Sections.Select(s => new ReportPart(s.Id, text[s.Title], s.Points.Select(p => Line(p, values[p.Key], text)).ToList())).ToList();
        var gaps = sections.SelectMany(s => s.Lines.Where(l => l.Gap is not null).Select(l => $"{s.Title}: {l.Gap}")).ToList();
        return new(structure.Key, text[structure.Name], structure.Version, structure.EffectiveFrom, text[structure.Basis], access.Organisation.Name, clock.GetUtcNow(), sections, gaps);
    }

    private static ReportLine Line(ReportPoint point, Figure figure, IStringLocalizer text)
    {
        string? gap = figure.Value is null ? text[point.Gap ?? "The records do not show this."].Value
            : point.GapWhenZero is { } zero && figure.Number == 0 ? text[zero].Value
            : null;
        return new(point.Key, figure.Label.In(text), figure.Value?.In(text), figure.Records, gap);
    }

    public static byte[] Pdf(DueDiligenceReport report, IStringLocalizer text) => Platform.Files.Pdf.Write($"{report.Name} · {report.Organisation}", pdf =>
    {
        pdf.Heading(report.Name);
        pdf.Line($"{report.Organisation} · {report.GeneratedAt:yyyy-MM-dd}");
        pdf.Line($"{report.Basis} · {text["Version"]} {report.Version} ({text["effective from"]} {report.EffectiveFrom:yyyy-MM-dd})", 8);
        foreach (var section in report.Sections)
        {
            pdf.Line(section.Title, 12, gapAfter: 2);
            pdf.Table([text["Figure"], text["Value"], text["Records"]], [0.5f, 0.25f, 0.25f],
                section.Lines.Select(l => (IReadOnlyList<string>)[l.Label, l.Value ?? text["Gap"], l.Records ?? "—"]));
        }

        pdf.Line(text["Gaps"], 12, gapAfter: 2);
        foreach (var gap in report.Gaps)
        {
            foreach (var line in Wrap("– " + gap, 110))
            {
                pdf.Line(line, 9, gapAfter: 1);
            }
        }
    });

    public static byte[] Xlsx(DueDiligenceReport report, IStringLocalizer text) => Platform.Files.Xlsx.WriteSheets(
    [
        new XlsxSheet(text["Report"], [text["Section"], text["Figure"], text["Value"], text["Records"], text["Gap"]],
            report.Sections.SelectMany(s => s.Lines.Select(l => (IEnumerable<object?>)[s.Title, l.Label, l.Value, l.Records, l.Gap]))),
        new XlsxSheet(text["Gaps"], [text["Gap"]], report.Gaps.Select(g => (IEnumerable<object?>)[g])),
        new XlsxSheet(text["About"], [text["Report"], text["Version"], text["effective from"], text["Basis"], text["Organisation"], text["Generated"]],
            [[report.Name, report.Version, report.EffectiveFrom.ToString("yyyy-MM-dd"), report.Basis, report.Organisation, report.GeneratedAt.ToString("yyyy-MM-dd HH:mm")]]),
    ]);

    /// <summary>Lines of at most <paramref name="width"/> characters, broken between words: the PDF writer draws one line at a time.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = "";
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
