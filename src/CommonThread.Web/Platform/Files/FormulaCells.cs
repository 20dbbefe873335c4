namespace CommonThread.Web.Platform.Files;

/// <summary>
/// How a workbook's formula cells are read: as their formula, which imports refuse (a value must be
/// typed), or as the result the spreadsheet program saved with them, as pyxform reads an XLSForm.
/// </summary>
public enum FormulaCells
{
    AsFormula,
    SavedValue,
}
