using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// The first worksheet of an XLSX file as rows of text, and tables written as XLSX. Reading streams
/// the sheet (a 100,000-row list never sits in memory as a DOM). A formula cell is read as "=" and
/// its formula, so callers treat it like a CSV cell that starts with "="; written cells are always
/// text or numbers, never formulas.
/// </summary>
public static class Xlsx
{
    public static List<string[]> Read(Stream content, int maxRows) =>
        Open(content, (workbook, sheets, shared) => ReadRows((WorksheetPart)workbook.GetPartById(sheets.FirstOrDefault()?.Id?.Value ?? throw Unreadable()), shared, maxRows));

    /// <summary>Every worksheet by its name, in workbook order (a questionnaire's survey, choices and settings).</summary>
    public static Dictionary<string, List<string[]>> ReadSheets(Stream content, int maxRowsPerSheet) =>
        Open(content, (workbook, sheets, shared) => sheets
            .Where(s => s.Id?.Value is not null && workbook.GetPartById(s.Id.Value) is WorksheetPart)
            .GroupBy(s => s.Name?.Value ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => ReadRows((WorksheetPart)workbook.GetPartById(g.First().Id!.Value!), shared, maxRowsPerSheet), StringComparer.OrdinalIgnoreCase));

    private static T Open<T>(Stream content, Func<WorkbookPart, IReadOnlyList<Sheet>, string[], T> read)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, false);
            var workbook = document.WorkbookPart ?? throw Unreadable();
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? throw Unreadable();
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            return read(workbook, sheets, shared);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException
            or System.Xml.XmlException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            throw Unreadable();
        }
    }

    private static RuleViolation Unreadable() =>
        new("file", "This file cannot be read as an Excel workbook (.xlsx). Save it again from Excel or LibreOffice as .xlsx, or as CSV UTF-8.");

    private static List<string[]> ReadRows(WorksheetPart sheet, string[] shared, int maxRows)
    {
        var rows = new List<string[]>();
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
            // Blank rows in between still count, so row numbers in messages match what the user sees.
            while (rows.Count < rowNumber - 1)
            {
                rows.Add([]);
            }

            if (rows.Count > maxRows)
            {
                break;
            }

            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell, shared));
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    private static string Text(Cell cell, string[] shared)
    {
        if (cell.CellFormula is { } formula)
        {
            return "=" + formula.Text;
        }

        var raw = cell.CellValue?.Text ?? "";
        return cell.DataType?.Value switch
        {
            var t when t == CellValues.SharedString => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "",
            var t when t == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
            var t when t == CellValues.Boolean => raw == "1" ? "yes" : "no",
            _ => raw,
        };
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>One sheet with a bold-free header row; numbers stay numbers, everything else is an inline string.</summary>
    public static byte[] Write(string sheetName, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        WriteSheets([new XlsxSheet(sheetName, header, rows)]);

    /// <summary>Several sheets in one workbook (a questionnaire's survey and choices; an export with its repeats).</summary>
    public static byte[] WriteSheets(IEnumerable<XlsxSheet> sheets)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                // A chart needs the row count up front; without one, rows stream through.
                var rows = sheet.Chart is null ? sheet.Rows : sheet.Rows.ToList();
                var drawing = sheet.Chart is { } chart ? XlsxChartPart.Add(sheetPart, sheet.Name, chart, rows.Count()) : null;
                using (var writer = OpenXmlWriter.Create(sheetPart))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteStartElement(new SheetData());
                    WriteRow(writer, sheet.Header.Cast<object?>());
                    foreach (var row in rows)
                    {
                        WriteRow(writer, row);
                    }

                    writer.WriteEndElement();
                    if (drawing is not null)
                    {
                        writer.WriteElement(new Drawing { Id = drawing });
                    }

                    writer.WriteEndElement();
                }

                list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = sheet.Name });
            }

            workbook.Workbook.Save();
        }

        return output.ToArray();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case int or long or decimal or double:
                    writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)) });
                    break;
                case bool b:
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(b ? "yes" : "no")) });
                    break;
                default:
                    var text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }) });
                    break;
            }
        }

        writer.WriteEndElement();
    }
}

/// <param name="Chart">A bar chart of some of the sheet's columns, drawn beside the table.</param>
public sealed record XlsxSheet(string Name, IEnumerable<string> Header, IEnumerable<IEnumerable<object?>> Rows, XlsxChart? Chart = null);

/// <summary>A clustered bar chart: the rows' labels from one column, one series per value column (0-based column indexes).</summary>
public sealed record XlsxChart(string Title, int LabelColumn, IReadOnlyList<int> ValueColumns);
