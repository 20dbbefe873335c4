namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Where a refused cell is, for the sentence that names it: a CSV row and column number (no sheet), an .xls sheet and
/// row (no column), an .xlsx sheet, row and column letters, or <see cref="SharedTexts"/>. Each shape has its own
/// sentence in <see cref="WorkbookLimits"/>, since the words around the place are ordered differently in each language.
/// </summary>
public readonly record struct CellPlace(string? Sheet, long Row, string? Column)
{
    /// <summary>A text in an .xlsx workbook's shared string table, which belongs to no one cell.</summary>
    public static readonly CellPlace SharedTexts = new(null, 0, null);
}
