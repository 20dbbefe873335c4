using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Text;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// The worksheets of an XLSX file as rows of text, and tables written as XLSX. Reading first passes the
/// file through <see cref="ZipGuard"/>, then streams each part (<see cref="XlsxReader"/>): a 200,000-row
/// list never sits in memory as a document tree, and a file over a <see cref="WorkbookLimits"/> limit is
/// refused whole. Written cells are always text or numbers, never formulas.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first worksheet; refused if it has more than <paramref name="maxDataRows"/> rows below the first.</summary>
    public static List<string[]> Read(byte[] content, int maxDataRows) => Open(content, (workbook, sheets, shared) =>
    {
        long cells = 0;
        return sheets.Count > 0 && workbook.GetPartById(sheets[0].Id) is WorksheetPart first
            ? XlsxReader.Rows(first, sheets[0].Name, shared, maxDataRows, ref cells)
            : throw Unreadable();
    });

    /// <summary>Every worksheet by its name, in workbook order (a questionnaire's survey, choices and settings).</summary>
    public static Dictionary<string, List<string[]>> ReadSheets(byte[] content, int maxDataRowsPerSheet, CellReading reading = CellReading.AsTyped) => Open(content, (workbook, sheets, shared) =>
    {
        long cells = 0;
        var dates = reading == CellReading.AsShown ? XlsxDateStyles.Of(workbook, XlsxReader.Settings) : null;
        var read = new Dictionary<string, List<string[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, id) in sheets)
        {
            if (!read.ContainsKey(name) && workbook.GetPartById(id) is WorksheetPart part)
            {
                read[name] = XlsxReader.Rows(part, name, shared, maxDataRowsPerSheet, ref cells, dates);
            }
        }

        return read;
    });

    private static T Open<T>(byte[] content, Func<WorkbookPart, List<(string Name, string Id)>, string[], T> read)
    {
        try
        {
            ZipGuard.Check(content);
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            var workbook = document.WorkbookPart ?? throw Unreadable();
            return read(workbook, XlsxReader.Sheets(workbook), XlsxReader.SharedStrings(workbook));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException
            or System.Xml.XmlException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException or FormatException or NotSupportedException)
        {
            throw Unreadable();
        }
    }

    private static RuleViolation Unreadable() =>
        new RuleViolation("file", "This file cannot be read as an Excel workbook (.xlsx). Save it again from Excel or LibreOffice as .xlsx, or as CSV UTF-8.");

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
                    // What is stored may predate the refusal of control characters: XML cannot hold them, so they are dropped.
                    var text = TextInput.Clean(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "");
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
