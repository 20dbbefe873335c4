using System.Globalization;
using System.Text;
using CommonThread.Web.Platform.Errors;
using ExcelDataReader;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// The worksheets of an Excel 97–2003 workbook (.xls) as rows of text, the way <see cref="Xlsx"/> reads
/// .xlsx: many questionnaires still travel as .xls. ExcelDataReader gives each formula's saved result
/// (a binary workbook always stores one). The same <see cref="WorkbookLimits"/> apply, checked as rows
/// are read; a file it cannot make sense of is refused with what to do, never a 500.
/// </summary>
public static class Xls
{
    /// <summary>An OLE2 compound file, the container of .xls (and of password-protected .xlsx files).</summary>
    public static bool IsXls(byte[] bytes) => bytes is [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..];

    static Xls() =>
        // .xls stores text in the Windows code page of the computer that saved it; .NET has those pages only once registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every worksheet by name, in workbook order; blank rows keep their place so row numbers match what the author sees.</summary>
    public static Dictionary<string, List<string[]>> ReadSheets(byte[] content, int maxDataRowsPerSheet)
    {
        try
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(new MemoryStream(content, writable: false));
            var sheets = new Dictionary<string, List<string[]>>(StringComparer.OrdinalIgnoreCase);
            long cells = 0;
            do
            {
                var rows = new List<string[]>();
                var blank = 0;
                while (reader.Read())
                {
                    var row = Row(reader, reader.Name ?? "", rows.Count + blank + 1);
                    if (row.Length == 0)
                    {
                        blank++;
                        continue;
                    }

                    if (rows.Count + blank > maxDataRowsPerSheet)
                    {
                        throw WorkbookLimits.TooManyRows(maxDataRowsPerSheet);
                    }

                    for (; blank > 0; blank--)
                    {
                        rows.Add([]);
                    }

                    if ((cells += row.Length) > WorkbookLimits.MaxCells)
                    {
                        throw WorkbookLimits.TooManyCells();
                    }

                    rows.Add(row);
                }

                sheets.TryAdd(reader.Name ?? "", rows);
            }
            while (reader.NextResult());

            return sheets;
        }
        // A parser of someone else's binary format meets any file: whatever it throws on a damaged one is the
        // file's fault, said as such; only our own limits' refusals (and running out of memory) pass through.
        catch (Exception e) when (e is not RuleViolation and not OutOfMemoryException)
        {
            throw new RuleViolation("file", "This file cannot be read as an Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice and save it as .xlsx.");
        }
    }

    /// <summary>The row's values as text up to its last one; empty when it has none.</summary>
    private static string[] Row(IExcelDataReader reader, string sheet, int number)
    {
        var last = -1;
        var values = new string[Math.Min(reader.FieldCount, WorkbookLimits.MaxColumns + 1)];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var text = Text(reader.GetValue(i));
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (i >= WorkbookLimits.MaxColumns)
            {
                throw WorkbookLimits.TooManyColumns(new(sheet, number, null));
            }

            if (text.Length > WorkbookLimits.MaxCellChars)
            {
                throw WorkbookLimits.CellTooLong(new(sheet, number, null));
            }

            values[i] = text;
            last = i;
        }

        return last < 0 ? [] : values[..(last + 1)].Select(v => v ?? "").ToArray();
    }

    /// <summary>
    /// As <see cref="XlsxReader"/> gives them: numbers in invariant form, TRUE/FALSE as yes/no, a date as
    /// ISO 8601. (LibreOffice saves a boolean to .xls as the number 1 or 0: read as a number, it is still
    /// true or false where an XLSForm expects a condition.)
    /// </summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "yes" : "no",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t when t < new DateTime(1900, 1, 1) => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture), // a time alone: day 0
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
