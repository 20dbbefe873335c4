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
    public static List<string[]> Read(Stream content, int maxRows)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, false);
            var workbook = document.WorkbookPart ?? throw Unreadable();
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Unreadable();
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            return ReadRows(sheet, shared, maxRows);
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
    public static byte[] Write(string sheetName, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, header.Cast<object?>());
                foreach (var row in rows)
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
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
