using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Reads a workbook's parts with a plain XmlReader, node by node, never as a document tree: the sheet
/// list, the shared strings and the rows. Each text is bounded by <see cref="WorkbookLimits"/> as it
/// grows, rows and columns before a slot is made for them, so a file over a limit is refused whole and
/// early, with where it broke the limit. (<see cref="ZipGuard"/> has already bounded each XML node.)
/// </summary>
internal static class XlsxReader
{
    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = WorkbookLimits.MaxEntryBytes, CloseInput = true,
    };

    /// <summary>The sheets in workbook order: name and relationship id.</summary>
    public static List<(string Name, string Id)> Sheets(WorkbookPart workbook)
    {
        var sheets = new List<(string, string)>();
        using var reader = Open(workbook);
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" })
            {
                var name = reader.GetAttribute("name") ?? "";
                string? id = null;
                while (reader.MoveToNextAttribute())
                {
                    id = reader is { LocalName: "id", NamespaceURI.Length: > 0 } ? reader.Value : id;
                }

                if (id is not null)
                {
                    sheets.Add((name, id));
                }
            }
        }

        return sheets;
    }

    public static string[] SharedStrings(WorkbookPart workbook)
    {
        if (workbook.SharedStringTablePart is not { } part)
        {
            return [];
        }

        var strings = new List<string>();
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "si" })
            {
                if (strings.Count == WorkbookLimits.MaxSharedStrings)
                {
                    throw WorkbookLimits.Refused(Phrase.Of("The workbook holds more than {0} different texts. Split it into smaller files.", WorkbookLimits.Count(WorkbookLimits.MaxSharedStrings)));
                }

                strings.Add(RichText(reader, new("", 0, -1)));
            }
        }

        return [.. strings];
    }

    /// <summary>
    /// The rows of one sheet as text; a row with no value takes no room, and blank rows before a row with
    /// values become empty rows, so row numbers match what the user sees. <paramref name="cells"/> counts
    /// the cells of the whole file.
    /// </summary>
    /// <param name="dates">With <see cref="CellReading.AsShown"/>, which cell styles show dates (<see cref="XlsxDateStyles"/>); null reads as typed.</param>
    public static List<string[]> Rows(WorksheetPart part, string sheet, string[] shared, int maxDataRows, ref long cells, bool[]? dates = null)
    {
        var rows = new List<string[]>();
        var values = new List<(int Column, string Text)>();
        long number = 0;
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "row" })
            {
                continue;
            }

            number = long.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : number + 1;
            values.Clear();
            if (!reader.IsEmptyElement)
            {
                Values(reader, sheet, number, shared, values, dates);
            }

            if (values.Count == 0)
            {
                continue;
            }

            if (number - 1 > maxDataRows)
            {
                throw WorkbookLimits.TooManyRows(maxDataRows);
            }

            var row = new string[values[^1].Column + 1];
            cells += row.Length;
            if (cells > WorkbookLimits.MaxCells)
            {
                throw WorkbookLimits.TooManyCells();
            }

            Array.Fill(row, "");
            foreach (var (column, text) in values)
            {
                row[column] = text;
            }

            while (rows.Count < number - 1)
            {
                rows.Add([]);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Fills <paramref name="values"/> with the cells of the row the reader is on that hold a value, in column order.</summary>
    private static void Values(XmlReader reader, string sheet, long row, string[] shared, List<(int Column, string Text)> values, bool[]? dates)
    {
        var depth = reader.Depth;
        var next = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "c" })
            {
                continue;
            }

            var column = reader.GetAttribute("r") is { } reference && ColumnIndex(reference) is var c and >= 0 ? c : next;
            var at = new Place(sheet, row, column);
            var date = dates is not null && int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style)
                && style < dates.Length && dates[style];
            var text = Cell(reader, reader.GetAttribute("t"), shared, at, dates is not null, date);
            next = column + 1;

            // A styled cell with nothing in it, a space, an empty shared text: no value, so formatting down to
            // row 1,048,576 neither counts towards the limits nor makes rows.
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (column >= WorkbookLimits.MaxColumns)
            {
                throw WorkbookLimits.TooManyColumns(at.Named);
            }

            values.Add((column, text));
        }

        values.Sort((a, b) => a.Column.CompareTo(b.Column));
    }

    /// <summary>
    /// A formula cell reads as "=" and its formula, so callers treat it like a CSV cell that starts with "=";
    /// read <paramref name="asShown"/> it reads as the result the program saved, and only one saved without
    /// a result (or with an error such as #REF!) still reads as its formula; a number in a date style as its date.
    /// </summary>
    private static string Cell(XmlReader reader, string? type, string[] shared, Place at, bool asShown, bool date)
    {
        string? formula = null, value = null, inline = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                switch (reader)
                {
                    case { NodeType: XmlNodeType.Element, LocalName: "f" }:
                        formula = Text(reader, at);
                        break;
                    case { NodeType: XmlNodeType.Element, LocalName: "v" }:
                        value = Text(reader, at);
                        break;
                    case { NodeType: XmlNodeType.Element, LocalName: "is" }:
                        inline = RichText(reader, at);
                        break;
                }
            }
        }

        if (formula is not null && (!asShown || value is null || type == "e"))
        {
            return "=" + formula;
        }

        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "",
            "inlineStr" => inline ?? "",
            "b" => value?.Trim() is "1" or "true" ? "yes" : "no",
            null or "n" when date && value is not null && XlsxDateStyles.Text(value) is { } shown => shown,
            _ => value ?? "",
        };
    }

    /// <summary>The text of a shared or inline string (si, is): its t runs, without phonetic guides (rPh).</summary>
    private static string RichText(XmlReader reader, Place at)
    {
        string? first = null;
        StringBuilder? more = null;
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var phonetic = -1;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "rPh", IsEmptyElement: false } && phonetic < 0)
            {
                phonetic = reader.Depth;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == phonetic)
            {
                phonetic = -1;
            }
            else if (reader is { NodeType: XmlNodeType.Element, LocalName: "t" } && phonetic < 0)
            {
                var run = Text(reader, at);
                if (first is null)
                {
                    first = run;
                    continue;
                }

                if ((more ??= new StringBuilder(first)).Length + run.Length > WorkbookLimits.MaxCellChars)
                {
                    throw WorkbookLimits.CellTooLong(at.Named);
                }

                more.Append(run);
            }
        }

        return more?.ToString() ?? first ?? "";
    }

    /// <summary>The text of the element the reader is on (t, v, f), refused past Excel's cell limit. Mostly one text node, taken as it is.</summary>
    private static string Text(XmlReader reader, Place at)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA))
            {
                continue;
            }

            if (first is null)
            {
                first = reader.Value;
            }
            else
            {
                (more ??= new StringBuilder(first)).Append(reader.Value);
            }

            if ((more?.Length ?? first.Length) > WorkbookLimits.MaxCellChars)
            {
                throw WorkbookLimits.CellTooLong(at.Named);
            }
        }

        return more?.ToString() ?? first ?? "";
    }

    private static XmlReader Open(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);

    /// <summary>"C12" → 2; past the column limit it stops counting, so "ZZZZZZZZZ1" cannot overflow.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > WorkbookLimits.MaxColumns)
            {
                return WorkbookLimits.MaxColumns;
            }
        }

        return index - 1;
    }

    /// <summary>Where a cell is (column -1 for a shared string); <see cref="Named"/> as the refusal names it (sheet 'Facilities', row 5, column C).</summary>
    private readonly record struct Place(string Sheet, long Row, int Column)
    {
        public CellPlace Named => Column < 0 ? CellPlace.SharedTexts : new(Sheet, Row, Letters(Column));

        private static string Letters(int column)
        {
            var letters = "";
            for (column++; column > 0; column = (column - 1) / 26)
            {
                letters = (char)('A' + ((column - 1) % 26)) + letters;
            }

            return letters;
        }
    }
}
