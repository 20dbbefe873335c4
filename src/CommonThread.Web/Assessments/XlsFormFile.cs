using System.Globalization;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using CommonThread.XlsForm;

namespace CommonThread.Web.Assessments;

/// <summary>An uploaded XLSForm, .xlsx, .xls or pyxform's one-file .csv, read and checked; problems name the sheet, row and column.</summary>
public static class XlsFormFile
{
    public static XlsFormDefinition Load(string fileName, byte[] bytes)
    {
        var load = XlsFormLoader.Load(Sheets(fileName, bytes));
        if (!load.Succeeded)
        {
            var problems = load.Problems.GroupBy(p => $"{p.Sheet}[{p.Row}]{(p.Column.Length > 0 ? "." + p.Column : "")}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            throw load.ProblemCount > load.Problems.Count
                ? new RuleViolation(problems, Phrase.Of("The questionnaire has {0} problem(s), the first {1} listed: nothing was imported.", Count(load.ProblemCount), Count(load.Problems.Count)))
                : new RuleViolation(problems, Phrase.Of("The questionnaire has {0} problem(s): nothing was imported.", Count(load.ProblemCount)));
        }

        return load.Form!;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static XlsFormSheets Sheets(string fileName, byte[] bytes)
    {
        // Rows below the header as many as the loader accepts on any sheet: a sheet over that is refused whole
        // by the reader; the loader judges the survey sheet's smaller limit itself. Cells read as the program
        // shows them, as pyxform reads them: forms built in Excel compute names and labels, and type dates.
        var sheets = TableFile.ReadSheets(fileName, bytes, Questionnaire.MaxFileBytes, XlsFormLoader.MaxChoiceRows, CellReading.AsShown);
        return sheets.TryGetValue("", out var csv) && sheets.Count == 1
            ? XlsFormSheets.FromCsv(csv)
            : XlsFormSheets.FromRows(sheets.ToDictionary(s => s.Key, s => (IReadOnlyList<IReadOnlyList<string>>)s.Value));
    }
}
