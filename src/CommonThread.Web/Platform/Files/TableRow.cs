using System.Globalization;
using System.Text.RegularExpressions;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Reads one row of an uploaded table by column name, reporting a problem for each cell it cannot
/// take (row number as the spreadsheet shows it, column, message): the one way every import checks its cells.
/// </summary>
public sealed partial class TableRow(int number1Based, string[] cells, IReadOnlyDictionary<string, int> positions, Action<int, string, Phrase> report)
{
    private readonly HashSet<string> columnsWithProblems = [];

    public int Number1Based => number1Based;

    public bool HasProblems => columnsWithProblems.Count > 0;

    public bool HasProblemIn(string column) => columnsWithProblems.Contains(column);

    public void Problem(string column, Phrase message)
    {
        columnsWithProblems.Add(column);
        report(number1Based, column, message);
    }

    private string? Raw(string column) =>
        positions.TryGetValue(column, out var i) && i < cells.Length ? TextInput.OrNull(cells[i]) : null;

    public string? Text(string column, int maxLength, bool required = false)
    {
        var value = Raw(column);
        if (value is null)
        {
            if (required)
            {
                Problem(column, Phrase.Of("The {0} is required.", column));
            }

            return null;
        }

        if (value.StartsWith('='))
        {
            Problem(column, Phrase.Of("Formulas are not imported: type the value itself."));
            return null;
        }

        if (value.Length > maxLength)
        {
            Problem(column, Phrase.Of("At most {0} characters.", maxLength));
            return null;
        }

        return value;
    }

    /// <summary>A number of a kind whose plausible range is kept in <see cref="Plausible"/>; "12%" is 12.</summary>
    public decimal? Number(string column, ValueRange<decimal> kind)
    {
        if (Text(column, 40) is not { } text)
        {
            return null;
        }

        if (!decimal.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Problem(column, Phrase.Of("'{0}' is not a number (use a point for decimals).", text));
            return null;
        }

        if (!kind.Contains(value))
        {
            Problem(column, kind.RefusalWords(value));
            return null;
        }

        return value;
    }

    public int? Whole(string column, int min, int max) => Whole(column, new ValueRange<int>(min, max,
        (value, least, most) => Phrase.Of("{0} is out of range for this column: between {1} and {2}.", value, least, most)));

    /// <summary>A whole number of a kind, forgiving thousands separators ("1,200").</summary>
    public int? Whole(string column, ValueRange<int> kind)
    {
        if (Text(column, 40) is not { } text)
        {
            return null;
        }

        var digits = text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Problem(column, Phrase.Of("'{0}' is not a whole number.", text));
            return null;
        }

        if (!kind.Contains(value))
        {
            Problem(column, kind.RefusalWords(value));
            return null;
        }

        return value;
    }

    /// <summary>2025-03-31, or the day number a spreadsheet stores for a date cell.</summary>
    public DateOnly? Date(string column)
    {
        if (Text(column, 40) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (!Plausible.Day.Contains(date))
            {
                Problem(column, Plausible.Day.RefusalWords(date));
                return null;
            }

            return date;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= FirstPlausibleSerial && serial <= LastPlausibleSerial)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        Problem(column, Phrase.Of("'{0}' is not a date: write it as 2025-03-31.", text));
        return null;
    }

    /// <summary>The day numbers spreadsheets store for <see cref="Plausible.Day"/>'s first and last days.</summary>
    private static readonly int FirstPlausibleSerial = (int)Plausible.Day.Min.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static readonly int LastPlausibleSerial = (int)Plausible.Day.Max.ToDateTime(TimeOnly.MinValue).ToOADate();

    public bool? YesNo(string column) => Text(column, 10)?.ToLowerInvariant() switch
    {
        null => null,
        "yes" or "y" or "true" or "1" => true,
        "no" or "n" or "false" or "0" => false,
        var other => Fail(column, Phrase.Of("'{0}' is not yes or no.", other)),
    };

    private bool? Fail(string column, Phrase message)
    {
        Problem(column, message);
        return null;
    }

    /// <summary>One of an enumeration's names, forgiving spaces, underscores, hyphens and case ("zero tolerance" is ZeroTolerance).</summary>
    public T? Choice<T>(string column) where T : struct, Enum
    {
        if (Text(column, 40) is not { } text)
        {
            return null;
        }

        if (TextInput.EnumNamed<T>(text) is { } value)
        {
            return value;
        }

        Problem(column, Phrase.Of("'{0}' is not one of: {1}.", text, string.Join(", ", Enum.GetNames<T>())));
        return null;
    }

    /// <summary>A header cell as a column key: "Birth date", "birth-date" and "birth_date" are the same column.</summary>
    public static string HeaderKey(string header) =>
        HeaderSeparators().Replace(header.Trim().ToLowerInvariant(), "_").Trim('_');

    [GeneratedRegex("[\\s\\-/.]+")]
    private static partial Regex HeaderSeparators();
}
