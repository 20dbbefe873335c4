using System.Globalization;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Accountability;

/// <summary>
/// A brand's round report and the initiative-wide report, as PDF and XLSX with charts. They are
/// drawn from the same figures as the pages, so feedback appears only as released and above the threshold.
/// </summary>
public static class RoundReports
{
    private static readonly string[] FeedbackSeries = ["Suppliers", "Self-assessment", "All brands"];

    public static byte[] BrandPdf(ScorecardDto card) => Pdf.Write($"{card.Round} · {card.Summary.Brand}", pdf =>
    {
        var s = card.Summary;
        pdf.Heading($"{card.Summary.Brand} · {card.Round}");
        pdf.Line($"Period {card.PeriodStart:yyyy-MM-dd} to {card.PeriodEnd:yyyy-MM-dd}. Reviewer: {card.Sheet.Reviewer}.");
        pdf.Line($"Indicators reported {s.Reported} of {s.Indicators}; accepted {s.Accepted}; queried {s.Queried}; late {s.Late}; targets met {s.TargetsMet} of {s.WithTarget}.");
        pdf.Table(["Commitment", "Indicators", "Reported", "Accepted", "Targets met"], [0.44f, 0.14f, 0.14f, 0.14f, 0.14f],
            card.Commitments.Select(c => (IReadOnlyList<string>)[c.Commitment, N(c.Indicators), N(c.Reported), N(c.Accepted), $"{c.TargetsMet}/{c.WithTarget}"]));
        pdf.Table(["Code", "Indicator", "Value", "Target", "Status"], [0.08f, 0.52f, 0.14f, 0.12f, 0.14f],
            card.Sheet.Lines.Select(l => (IReadOnlyList<string>)[l.Indicator.Code, l.Indicator.Name, Value(l), Target(l.Indicator), Status(l)]));
        pdf.Heading("Supplier feedback on purchasing practices");
        pdf.Line(FeedbackNote(card.Feedback));
        if (card.Feedback.Shown || card.Feedback.SelfAssessment is not null)
        {
            pdf.Bars(FeedbackSeries, FeedbackRows(card.Feedback).Select(r => (r.Label, (IReadOnlyList<double?>)[r.Score, r.Self, r.All])));
        }

        foreach (var comment in card.Feedback.Comments)
        {
            pdf.Line($"{comment.Category}: “{comment.Text}”", 9);
        }

        pdf.Heading("Payment terms");
        pdf.Table(["Recorded by", "Invoices", "Paid", "Avg. days to pay", "Avg. agreed terms", "On time %", "Overdue"], [0.22f, 0.12f, 0.1f, 0.16f, 0.16f, 0.12f, 0.12f],
            PaymentRows(card.Payments).Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()));
        if (card.Trend.Count > 1)
        {
            pdf.Heading("Across rounds");
            pdf.Bars(["Reported %", "Targets met %", "Feedback", "Paid on time %"],
                card.Trend.Select(t => (t.Round, (IReadOnlyList<double?>)[t.ReportedPercent, t.TargetsMetPercent, t.Feedback, t.OnTimeShare])));
        }
    });

    public static byte[] BrandXlsx(ScorecardDto card) => Xlsx.WriteSheets(
    [
        new XlsxSheet("Indicators", ["code", "commitment", "indicator", "kind", "unit", "target", "value", "text", "status", "submitted_on", "late", "meets_target", "evidence"],
            card.Sheet.Lines.Select(l => (IEnumerable<object?>)[l.Indicator.Code, l.Indicator.Commitment, l.Indicator.Name, l.Indicator.Kind.ToString(), l.Indicator.Unit, l.Indicator.Target,
                l.Value, l.Text, l.Status?.ToString() ?? "not reported", l.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Late, l.MeetsTarget, l.EvidenceFileName])),
        new XlsxSheet("Feedback", ["category", "suppliers", "self_assessment", "all_brands"],
            FeedbackRows(card.Feedback).Select(r => (IEnumerable<object?>)[r.Label, r.Score, r.Self, r.All]), new XlsxChart("Purchasing practices, 0–100", 0, [1, 2, 3])),
        new XlsxSheet("Feedback notes", ["note"], new[] { FeedbackNote(card.Feedback) }.Concat(card.Feedback.Comments.Select(c => $"{c.Category}: {c.Text}")).Select(t => (IEnumerable<object?>)[t])),
        new XlsxSheet("Payment terms", ["recorded_by", "invoices", "paid", "average_days_to_pay", "average_agreed_terms", "on_time_percent", "overdue_unpaid"], PaymentRows(card.Payments)),
        new XlsxSheet("Trend", ["round", "period_end", "reported_percent", "targets_met_percent", "feedback", "paid_on_time_percent"],
            card.Trend.Select(t => (IEnumerable<object?>)[t.Round, t.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.ReportedPercent, t.TargetsMetPercent, t.Feedback, t.OnTimeShare]),
            new XlsxChart("Across rounds", 0, [2, 3, 4, 5])),
    ]);

    public static byte[] RoundPdf(RoundReportDto report) => Pdf.Write($"{report.Round.Name} · {report.Round.Initiative}", pdf =>
    {
        var r = report.Round;
        pdf.Heading($"{r.Name} · {r.Initiative}");
        pdf.Line($"Period {r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd}; reports due {r.ReportsDueOn:yyyy-MM-dd}; framework {r.Framework}; {report.Brands.Count} brands.");
        pdf.Line(r.ReleasedOn is { } on
            ? $"Supplier feedback as released on {on:yyyy-MM-dd}; a brand's feedback is shown when at least {r.MinimumResponses} suppliers answered."
            : "No supplier feedback has been released yet.");
        pdf.Table(["Brand", "Reported", "Accepted", "Late", "Targets met", "Feedback", "Paid on time %", "Days to pay"], [0.26f, 0.1f, 0.1f, 0.08f, 0.12f, 0.12f, 0.12f, 0.1f],
            report.Brands.Select(b => (IReadOnlyList<string>)[b.Brand, $"{b.Reported}/{b.Indicators}", N(b.Accepted), N(b.Late), $"{b.TargetsMet}/{b.WithTarget}",
                b.Feedback is { } f ? $"{f:0} {b.Rating}" : "–", Cell(b.OnTimeShare), Cell(b.AverageDaysToPay)]));
        pdf.Heading("All brands: supplier feedback by category");
        pdf.Bars(["All-brand average"], report.AllBrands.Select(c => (c.Label, (IReadOnlyList<double?>)[c.Score])));
        pdf.Heading("Reporting by brand");
        pdf.Bars(["Reported %", "Targets met %"], report.Brands.Select(b => (b.Brand, (IReadOnlyList<double?>)[b.ReportedPercent, b.TargetsMetPercent])));
    });

    public static byte[] RoundXlsx(RoundReportDto report) => Xlsx.WriteSheets(
    [
        new XlsxSheet("Brands", ["brand", "indicators", "reported", "accepted", "queried", "late", "with_target", "targets_met", "reported_percent", "targets_met_percent",
                "feedback_responses", "feedback", "rating", "paid_on_time_percent", "average_days_to_pay", "supplier_reported_on_time_percent"],
            report.Brands.Select(b => (IEnumerable<object?>)[b.Brand, b.Indicators, b.Reported, b.Accepted, b.Queried, b.Late, b.WithTarget, b.TargetsMet, b.ReportedPercent,
                b.TargetsMetPercent, b.FeedbackResponses, b.Feedback, b.Rating, b.OnTimeShare, b.AverageDaysToPay, b.SupplierReportedOnTimeShare]),
            new XlsxChart("Reporting by brand", 0, [8, 9])),
        new XlsxSheet("All brands feedback", ["category", "average"], report.AllBrands.Select(c => (IEnumerable<object?>)[c.Label, c.Score]), new XlsxChart("All-brand average, 0–100", 0, [1])),
    ]);

    private static string FeedbackNote(FeedbackViewDto f) => f switch
    {
        { ReleasedOn: null } => "No supplier feedback has been released yet.",
        { Shown: false } => $"Fewer than {f.MinimumResponses} suppliers had answered by the release of {f.ReleasedOn:yyyy-MM-dd}: no results are shown, so no answer can be traced.",
        _ => $"{f.Responses} suppliers answered by the release of {f.ReleasedOn:yyyy-MM-dd}. Overall {f.Overall:0} ({f.Rating}).",
    };

    private static IEnumerable<(string Label, double? Score, double? Self, double? All)> FeedbackRows(FeedbackViewDto f) =>
        f.Categories.Select(c => (c.Label, c.Score, c.SelfAssessment, c.AllBrands)).Append(("Overall", f.Overall, f.SelfAssessment, f.AllBrands));

    private static IEnumerable<IEnumerable<object?>> PaymentRows(PaymentTermsDto p)
    {
        yield return Stats("Brand", p.BrandRecorded);
        if (p.SupplierReported is { } reported)
        {
            yield return Stats($"Suppliers (pooled, {p.MinimumSuppliers} or more)", reported);
        }

        static object?[] Stats(string who, PaymentStatsDto s) => [who, s.Invoices, s.Paid, s.AverageDaysToPay, s.AverageAgreedTerms, s.OnTimeShare, s.OverdueUnpaid];
    }

    private static string Value(ReportLineDto l) => l.Status is null ? "–"
        : l.Indicator.Kind switch
        {
            IndicatorKind.Text => l.Text ?? "",
            IndicatorKind.YesNo => l.Value == 1 ? "yes" : "no",
            _ => $"{l.Value:0.##}{(l.Indicator.Unit is { } u ? " " + u : "")}",
        };

    private static string Target(IndicatorDto i) => i.Target is not { } t ? "–" : i.Kind == IndicatorKind.YesNo ? (t == 1 ? "yes" : "no") : $"{(i.Direction == GoodDirection.Higher ? "≥" : "≤")} {t:0.##}";

    private static string Status(ReportLineDto l) => (l.Status?.ToString() ?? "not reported") + (l.Late ? ", late" : "");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Cell(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
