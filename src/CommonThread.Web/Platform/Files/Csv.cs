using System.Text;
using CommonThread.Web.Platform.Text;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// RFC 4180 CSV. Written cells cannot run as spreadsheet formulas: a cell starting with = + - @ or a
/// tab/return gets a leading apostrophe, so "=HYPERLINK(…)" in a facility name stays text.
/// </summary>
public static class Csv
{
    /// <summary>
    /// Rows of fields; quoted fields may hold commas, doubled quotes and line breaks. A line with no value
    /// (",,,," as spreadsheet programs export formatted empty rows, thousands of them) is an empty row,
    /// kept only when a row with values follows it, so row numbers stay true and trailing ones cost
    /// nothing, not even a place in the limit. Read within
    /// <see cref="WorkbookLimits"/> (a field, the columns, the cells) and refused whole past
    /// <paramref name="maxDataRows"/> rows below the first, before the rest is read.
    /// </summary>
    public static List<string[]> Read(string text, int maxDataRows = int.MaxValue)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        long cells = 0;
        var blank = new List<int>(); // the width of each empty row not yet kept
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    Add('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    Add(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                EndField();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow();
            }
            else
            {
                Add(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRow();
        }

        return rows;

        CellPlace Where() => new(null, rows.Count + blank.Count + 1, WorkbookLimits.Count(fields.Count + 1));

        void Add(char c)
        {
            if (field.Length == WorkbookLimits.MaxCellChars)
            {
                throw WorkbookLimits.CellTooLong(Where());
            }

            field.Append(c);
        }

        void EndField()
        {
            if (fields.Count == WorkbookLimits.MaxColumns)
            {
                throw WorkbookLimits.TooManyColumns(Where());
            }

            fields.Add(field.ToString());
            field.Clear();
        }

        void EndRow()
        {
            EndField();
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                blank.Add(fields.Count);
                fields.Clear();
                return;
            }

            if (rows.Count + blank.Count > maxDataRows)
            {
                throw WorkbookLimits.TooManyRows(maxDataRows);
            }

            foreach (var width in blank)
            {
                if ((cells += width) > WorkbookLimits.MaxCells)
                {
                    throw WorkbookLimits.TooManyCells();
                }

                rows.Add(Enumerable.Repeat("", width).ToArray());
            }

            blank.Clear();

            if ((cells += fields.Count) > WorkbookLimits.MaxCells)
            {
                throw WorkbookLimits.TooManyCells();
            }

            rows.Add([.. fields]);
            fields.Clear();
        }
    }

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row.Select(Format));
        }

        return text.ToString();
    }

    /// <summary>A CSV file to download: UTF-8 with a byte-order mark, so Excel reads accents and scripts right.</summary>
    public static byte[] File(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(header, rows))];

    public static string Cell(string value)
    {
        // Stored text may predate the refusal of control characters; a NUL in a CSV file breaks the programs that open it.
        value = TextInput.Clean(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
