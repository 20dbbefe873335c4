using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>Workbooks built the way Excel stores them: shared strings for text, and real formula cells for values starting with "=".</summary>
public static class Spreadsheets
{
    public static byte[] WithFormula(string[] header, string[][] rows)
    {
        var strings = new List<string>();
        int Shared(string s)
        {
            var i = strings.IndexOf(s);
            if (i < 0)
            {
                strings.Add(s);
                i = strings.Count - 1;
            }

            return i;
        }

        Cell CellOf(string value, string reference) =>
            value.StartsWith('=') ? new Cell { CellReference = reference, CellFormula = new CellFormula(value[1..]), CellValue = new CellValue("2") }
            : double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _) ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) }
            : new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(value).ToString(System.Globalization.CultureInfo.InvariantCulture)) };

        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var all = new[] { header }.Concat(rows).ToArray();
            for (var r = 0; r < all.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < all[r].Length; c++)
                {
                    row.Append(CellOf(all[r][c], $"{(char)('A' + c)}{r + 1}"));
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Facilities" }));
            workbook.Workbook.Save();
        }

        return output.ToArray();
    }
}
