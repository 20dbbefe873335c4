using System.Globalization;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

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

    /// <summary>The whole file refused, its words a template written where the limit is checked so each reader gets them in their language.</summary>
    internal static RuleViolation Refused(Phrase words, int status = StatusCodes.Status400BadRequest) => new("file", words, status);

    /// <summary>A limit as the refusals write it: "32,767", the same in every language.</summary>
    internal static string Count(long limit) => limit.ToString("N0", CultureInfo.InvariantCulture);

    public static RuleViolation TooManyRows(int maxDataRows) =>
        Refused(Phrase.Of("The file has more than {0} rows. Split it into smaller files.", Count(maxDataRows)));

    public static RuleViolation CellTooLong(CellPlace at) => Refused(at switch
    {
        { Row: 0 } => Phrase.Of("In the workbook's shared texts, a cell holds more than {0} characters (Excel's own limit).", Count(MaxCellChars)),
        { Sheet: null } => Phrase.Of("Row {0}, column {1}: a cell holds more than {2} characters (Excel's own limit).", Count(at.Row), at.Column, Count(MaxCellChars)),
        { Column: null } => Phrase.Of("Sheet '{0}', row {1}: a cell holds more than {2} characters (Excel's own limit).", at.Sheet, Count(at.Row), Count(MaxCellChars)),
        _ => Phrase.Of("Sheet '{0}', row {1}, column {2}: a cell holds more than {3} characters (Excel's own limit).", at.Sheet, Count(at.Row), at.Column, Count(MaxCellChars)),
    });

    public static RuleViolation TooManyColumns(CellPlace at) => Refused(at switch
    {
        { Sheet: null } => Phrase.Of("Row {0}, column {1}: a value lies beyond column {2}: a table to import has at most {2} columns.", Count(at.Row), at.Column, Count(MaxColumns)),
        { Column: null } => Phrase.Of("Sheet '{0}', row {1}: a value lies beyond column {2}: a table to import has at most {2} columns.", at.Sheet, Count(at.Row), Count(MaxColumns)),
        _ => Phrase.Of("Sheet '{0}', row {1}, column {2}: a value lies beyond column {3}: a table to import has at most {3} columns.", at.Sheet, Count(at.Row), at.Column, Count(MaxColumns)),
    });

    public static RuleViolation TooManyCells() =>
        Refused(Phrase.Of("The file holds more than {0} cells. Split it into smaller files.", Count(MaxCells)));
}

