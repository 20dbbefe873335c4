using System.Globalization;
using CommonThread.Web.Grievances;
using CommonThread.Web.Platform.Files;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Homework;

/// <summary>
/// The passbook and the payslip for a month as PDF files, labelled in the homeworker's language
/// (any of the intake languages; English otherwise) and printed in its script.
/// </summary>
public sealed class PassbookPdf(IStringLocalizer<PassbookText> text, TimeProvider clock)
{
    public byte[] Passbook(PassbookView view) => InLanguage(view.Language, () => Pdf.Write($"{text["Passbook"]} · {view.Name}", pdf =>
    {
        pdf.Heading(text["Passbook"]);
        Header(pdf, view);
        pdf.Table([text["Date"], text["What"], text["Pieces"], text["Owed"], text["Paid"], text["Balance"]], [0.12f, 0.43f, 0.1f, 0.11f, 0.11f, 0.13f],
            view.Entries.Select(Row).ToList());
    }));

    /// <summary>Payments made in a month, the work they were for, and what was owed for pieces accepted in it.</summary>
    public byte[] Payslip(PassbookView view, int year, int month) => InLanguage(view.Language, () => Pdf.Write($"{text["Payslip"]} · {view.Name} · {year}-{month:00}", pdf =>
    {
        var first = new DateOnly(year, month, 1);
        var inMonth = view.Entries.Where(e => e.On >= first && e.On < first.AddMonths(1) && e.Kind != PassbookEntryKind.WorkReceived).ToList();
        pdf.Heading(text["Payslip"]);
        Header(pdf, view);
        pdf.Line($"{text["Period"]}: {first:yyyy-MM-dd} – {first.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
        pdf.Table([text["Date"], text["What"], text["Pieces"], text["Owed"], text["Paid"], text["Balance"]], [0.12f, 0.43f, 0.1f, 0.11f, 0.11f, 0.13f],
            inMonth.Select(Row).ToList());
        foreach (var currency in inMonth.Select(e => e.Currency).Distinct())
        {
            pdf.Line($"{text["Owed for pieces accepted"]}: {inMonth.Where(e => e.Currency == currency).Sum(e => e.Owed):0.00} {currency}");
            pdf.Line($"{text["Paid in the period"]}: {inMonth.Where(e => e.Currency == currency).Sum(e => e.Paid):0.00} {currency}");
        }
    }));

    private void Header(Pdf pdf, PassbookView view)
    {
        pdf.Line($"{text["Name"]}: {view.Name}", 11);
        pdf.Line($"{text["Area"]}: {view.Area}", 11);
        pdf.Line(string.Format(CultureInfo.CurrentCulture, text["Printed on {0}"], DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), 8, 10);
    }

    private IReadOnlyList<string> Row(PassbookEntry e) =>
    [
        e.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        $"{text["kind." + e.Kind]}: {e.What}{(e.RejectionReason is null ? "" : $" ({e.RejectionReason})")}",
        e.Kind == PassbookEntryKind.Paid ? "" : e.Pieces + (e.Rejected > 0 ? $" (−{e.Rejected} {text["rejected"]})" : ""),
        e.Owed == 0 ? "" : e.Owed.ToString("0.00", CultureInfo.InvariantCulture),
        e.Paid == 0 ? "" : e.Paid.ToString("0.00", CultureInfo.InvariantCulture),
        $"{e.Balance.ToString("0.00", CultureInfo.InvariantCulture)} {e.Currency}",
    ];

    /// <summary>Labels in the homeworker's language whatever the language of the person printing.</summary>
    private static byte[] InLanguage(string language, Func<byte[]> write)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = PassbookText.CultureOf(language);
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
