using System.Text;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Files;

/// <summary>An uploaded table (a facility list, a homeworker register…) turned into rows of cells: CSV (UTF-8, or UTF-16 with a byte-order mark) or XLSX.</summary>
public static class TableFile
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxRows = 200_000;

    /// <summary>The rows of the file; one over <see cref="MaxRows"/> below the header and the whole file is refused, never cut short.</summary>
    public static List<string[]> Read(string fileName, byte[] bytes) =>
        IsWorkbook(fileName, bytes, MaxBytes, readsXls: false) ? Xlsx.Read(bytes, MaxRows) : Csv.Read(Text(bytes), MaxRows);

    /// <summary>
    /// Every sheet of a workbook (.xlsx, or .xls) by name; a CSV file is one sheet named "". Cells read as
    /// <paramref name="reading"/> says (a .xls file always gives formulas' saved results and dates as dates).
    /// </summary>
    public static Dictionary<string, List<string[]>> ReadSheets(string fileName, byte[] bytes, long maxBytes, int maxDataRowsPerSheet, CellReading reading = CellReading.AsTyped) =>
        Xls.IsXls(bytes) && bytes.Length <= maxBytes ? Xls.ReadSheets(bytes, maxDataRowsPerSheet)
            : IsWorkbook(fileName, bytes, maxBytes, readsXls: true) ? Xlsx.ReadSheets(bytes, maxDataRowsPerSheet, reading)
            : new() { [""] = Csv.Read(Text(bytes), maxDataRowsPerSheet) };

    /// <summary>XLSX is a zip archive, whatever the file is called; a file that claims to be a workbook and is not gets told so.</summary>
    private static bool IsWorkbook(string fileName, byte[] bytes, long maxBytes, bool readsXls)
    {
        if (bytes.Length == 0)
        {
            throw new RuleViolation("file", "The file is empty.");
        }

        if (bytes.Length > maxBytes)
        {
            throw maxBytes == MaxBytes ? TooLarge() : new RuleViolation("file", Phrase.Of("The file is larger than {0} MB.", maxBytes / 1024 / 1024), StatusCodes.Status413PayloadTooLarge);
        }

        return bytes is [(byte)'P', (byte)'K', 3, 4, ..] ? true
            : fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? throw new RuleViolation("file", "This file is named .xlsx but is not an Excel workbook. Save it again as .xlsx, or as CSV UTF-8.")
            : fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) && readsXls ? throw new RuleViolation("file", "This file is named .xls but is not an Excel 97–2003 workbook (it may be a web page or text saved under that name). Open it in Excel or LibreOffice and save it as .xlsx.")
            : fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) ? throw new RuleViolation("file", "Old Excel files (.xls) are not read. Save the sheet as .xlsx, or as CSV UTF-8.")
            : false;
    }

    /// <summary>
    /// The rows of an import file with where each known column sits; unknown, doubled and missing
    /// columns are reported against row 1, so the whole file is judged before anything is written.
    /// </summary>
    public static (List<string[]> Rows, Dictionary<string, int> Positions, ProblemList<ImportRowProblem> Problems) ReadWithHeader(string fileName, byte[] bytes, string[] known, string[] required)
    {
        var rows = Read(fileName, bytes);
        var problems = new ProblemList<ImportRowProblem>();
        var positions = new Dictionary<string, int>();
        var header = rows.Count > 0 ? rows[0] : [];
        for (var i = 0; i < header.Length; i++)
        {
            var key = TableRow.HeaderKey(header[i]);
            if (!known.Contains(key))
            {
                if (key.Length > 0)
                {
                    problems.Add(ImportRowProblem.Of(1, header[i].Trim(), Phrase.Of("This column is not one we know. Known: {0}.", string.Join(", ", known))));
                }
            }
            else if (!positions.TryAdd(key, i))
            {
                problems.Add(ImportRowProblem.Of(1, key, Phrase.Of("This column appears twice.")));
            }
        }

        if (required.Where(c => !positions.ContainsKey(c)).ToList() is { Count: > 0 } missing)
        {
            problems.Add(ImportRowProblem.Of(1, string.Join(", ", missing), Phrase.Of("The first row must name the columns; missing: {0}.", string.Join(", ", missing))));
        }

        return (rows, positions, problems);
    }

    public static RuleViolation TooLarge() =>
        new RuleViolation("file", Phrase.Of("The file is larger than {0} MB. Split it into smaller files.", MaxBytes / 1024 / 1024), StatusCodes.Status413PayloadTooLarge);

    private static string Text(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new RuleViolation("file", "The file is not UTF-8 text, so names and addresses would be garbled. In Excel choose \"Save as → CSV UTF-8\"; in LibreOffice pick the character set \"Unicode (UTF-8)\".");
        }
    }
}

/// <summary>What is wrong with one cell (or, for row 1, a column) of an import file; <see cref="Message"/> is its English.</summary>
public sealed record ImportRowProblem(int Row, string Column, string Message)
{
    /// <summary>The message as a template and its values, so a page says it in the reader's language; the API keeps the English.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Localization.Phrase? Words { get; init; }

    public static ImportRowProblem Of(int row, string column, Localization.Phrase words) => new(row, column, words.English) { Words = words };

    /// <summary>The message in the reader's language.</summary>
    public string In(Microsoft.Extensions.Localization.IStringLocalizer text) => Words?.In(text) ?? Message;
}
