namespace CommonThread.Web.Platform.Files;

/// <summary>How a workbook's cells are read.</summary>
public enum CellReading
{
    /// <summary>What the cell holds: a formula as "=" and its formula (imports refuse it: a value must be typed), a date as Excel's day number (<see cref="TableRow"/> reads it).</summary>
    AsTyped,

    /// <summary>
    /// What the spreadsheet program shows and saved, as pyxform reads an XLSForm: a formula's saved result
    /// (one saved without a result still reads as its formula), a number formatted as a date as an ISO date.
    /// </summary>
    AsShown,
}
