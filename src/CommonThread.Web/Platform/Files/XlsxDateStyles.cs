using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Which of a workbook's cell styles show a number as a date or time: a date typed in Excel is stored
/// as a day number (46023) and only its style says it is 2026-01-01. Read node by node, like the rest.
/// </summary>
internal static partial class XlsxDateStyles
{
    /// <summary>Excel's built-in date and time formats (ECMA-376 §18.8.30, with the East Asian ones).</summary>
    private static readonly HashSet<int> BuiltIn = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    /// <summary>For each cell style (the s attribute of a cell), whether it shows a date or time.</summary>
    public static bool[] Of(WorkbookPart workbook, XmlReaderSettings settings)
    {
        if (workbook.WorkbookStylesPart is not { } part)
        {
            return [];
        }

        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        var inCellXfs = false;
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "numFmt" } && Id(reader) is { } id)
            {
                custom[id] = IsDateFormat(reader.GetAttribute("formatCode") ?? "");
            }
            else if (reader is { LocalName: "cellXfs" })
            {
                inCellXfs = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
            }
            else if (inCellXfs && reader is { NodeType: XmlNodeType.Element, LocalName: "xf" } && styles.Count < WorkbookLimits.MaxCellStyles)
            {
                var format = Id(reader) ?? 0;
                styles.Add(custom.TryGetValue(format, out var date) ? date : BuiltIn.Contains(format));
            }
        }

        return [.. styles];
    }

    /// <summary>The text of a day number shown as a date: 2026-01-01, 14:30:00 for a time alone, 2026-01-01T14:30:00 for both.</summary>
    public static string? Text(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 0 || serial > 2_958_465)
        {
            return null;
        }

        var moment = DateTime.FromOADate(serial);
        return serial < 1 ? moment.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : moment.TimeOfDay == TimeSpan.Zero ? moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : moment.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static int? Id(XmlReader reader) =>
        int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A format with day, month, year, hour or second codes outside quoted text, [colours] and escaped characters.</summary>
    private static bool IsDateFormat(string code) => DateCode().IsMatch(NotCodes().Replace(code, ""));

    [GeneratedRegex(@"""[^""]*""|\[[^\]]*\]|\\.|_.|\*.")]
    private static partial Regex NotCodes();

    [GeneratedRegex("[dmyhs]", RegexOptions.IgnoreCase)]
    private static partial Regex DateCode();
}
