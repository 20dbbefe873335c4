using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// How much an uploaded table may hold once opened, whatever its size on disk: a 1.5 MB workbook can
/// expand to gigabytes. Every reader (<see cref="ZipGuard"/>, <see cref="Xlsx"/>, <see cref="Csv"/>)
/// checks these before it allocates what the file asks for, and refuses the whole file with the
/// limit named — never a truncated read, never an out-of-memory 500.
/// </summary>
public static class WorkbookLimits
{
    /// <summary>All the parts of a workbook together, unpacked. A 200,000-row facility list is about 60 MB.</summary>
    public const long MaxExpandedBytes = 200L * 1024 * 1024;

    /// <summary>One part (one sheet, the shared strings), unpacked.</summary>
    public const long MaxEntryBytes = 100L * 1024 * 1024;

    /// <summary>Parts in the archive: a workbook has a dozen, one per sheet more.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>
    /// Unpacked size over packed size of one part, past <see cref="RatioGraceBytes"/>. Spreadsheet XML
    /// packs 5–30 times; 100 is Apache POI's threshold for a zip bomb too.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Small parts pack far better than large ones (a blank sheet is mostly repetition): the ratio is judged beyond this.</summary>
    public const long RatioGraceBytes = 1024 * 1024;

    /// <summary>Excel's own limit for the text of one cell; also one shared string and one CSV field.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>
    /// Bytes of XML between two "&lt;": the most one tag, attribute or text the XML reader holds at once.
    /// Eight bytes per character covers a full cell written as character references.
    /// </summary>
    public const int MaxMarkupRunBytes = MaxCellChars * 8;

    /// <summary>Distinct texts in a workbook's shared string table.</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>Cell styles read from a workbook (Excel itself stops at 64,000).</summary>
    public const int MaxCellStyles = 65_000;

    /// <summary>Columns with a value in them; import templates have a few dozen.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>Cells held in memory once read (blank cells before a value count, as they take a slot).</summary>
    public const long MaxCells = 5_000_000;

    internal static RuleViolation Refused(string message, int status = StatusCodes.Status400BadRequest) => new("file", message, status);

    public static RuleViolation TooManyRows(int maxDataRows) =>
        Refused($"The file has more than {maxDataRows:N0} rows. Split it into smaller files.");

    public static RuleViolation CellTooLong(string where) =>
        Refused($"{where}a cell holds more than {MaxCellChars:N0} characters (Excel's own limit).");

    public static RuleViolation TooManyColumns(string where) =>
        Refused($"{where}a value lies beyond column {MaxColumns:N0}: a table to import has at most {MaxColumns:N0} columns.");

    public static RuleViolation TooManyCells() =>
        Refused($"The file holds more than {MaxCells:N0} cells. Split it into smaller files.");
}
