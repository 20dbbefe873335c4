namespace CommonThread.XlsForm;

/// <summary>One row of a sheet with its number in the spreadsheet or CSV file (1 is the header).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] ?? "" : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A form's sheets as rows of text, however they were stored: the app reads the .xlsx workbook's
/// sheets into this; <see cref="FromCsv"/> reads the one-file CSV layout of pyxform, where a line
/// naming a sheet in its first cell starts that sheet and its rows follow with the first cell empty.
/// </summary>
public sealed class XlsFormSheets(IReadOnlyDictionary<string, IReadOnlyList<SheetRow>> sheets)
{
    public IReadOnlyDictionary<string, IReadOnlyList<SheetRow>> Sheets => sheets;

    public IReadOnlyList<SheetRow>? Find(string name) =>
        sheets.FirstOrDefault(s => string.Equals(s.Key.Trim(), name, StringComparison.OrdinalIgnoreCase)).Value;

    public static XlsFormSheets FromRows(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> rows) =>
        new(rows.ToDictionary(s => s.Key, s => (IReadOnlyList<SheetRow>)s.Value.Select((cells, i) => new SheetRow(i + 1, cells)).ToList()));

    /// <param name="lines">The CSV already split into cells, in file order.</param>
    public static XlsFormSheets FromCsv(IReadOnlyList<IReadOnlyList<string>> lines)
    {
        var sheets = new Dictionary<string, List<SheetRow>>(StringComparer.OrdinalIgnoreCase);
        List<SheetRow>? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var first = lines[i].Count > 0 ? lines[i][0].Trim() : "";
            if (first.Length > 0)
            {
                current = sheets.TryGetValue(first, out var existing) ? existing : sheets[first] = [];
            }

            if (current is not null && lines[i].Skip(1).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                current.Add(new SheetRow(i + 1, lines[i].Skip(1).ToList()));
            }
        }

        return new(sheets.ToDictionary(s => s.Key, s => (IReadOnlyList<SheetRow>)s.Value, StringComparer.OrdinalIgnoreCase));
    }
}
