using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
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
            throw new RuleViolation(
                load.Problems.GroupBy(p => $"{p.Sheet}[{p.Row}]{(p.Column.Length > 0 ? "." + p.Column : "")}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                $"The questionnaire has {load.ProblemCount:N0} problem(s){(load.ProblemCount > load.Problems.Count ? $", the first {load.Problems.Count:N0} listed" : "")}: nothing was imported.");
        }

        return load.Form!;
    }

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
