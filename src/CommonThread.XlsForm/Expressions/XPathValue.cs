using System.Globalization;

namespace CommonThread.XlsForm.Expressions;

/// <summary>
/// A value of the XLSForm expression language (the XPath 1.0 subset ODK uses): a string, a number, a
/// boolean, or the answers of a question repeated in several instances. Answers are strings; the
/// operators convert as XPath does.
/// </summary>
public readonly partial record struct XPathValue
{
    private readonly object? value;

    private XPathValue(object? value) => this.value = value;

    public static XPathValue Empty { get; } = new("");

    public static XPathValue Of(string text) => new(text);

    public static XPathValue Of(double number) => new(number);

    public static XPathValue Of(bool truth) => new(truth);

    public static XPathValue Of(IReadOnlyList<string> answers) => new(answers);

    public bool IsNumber => value is double;

    public bool IsBoolean => value is bool;

    public bool IsList => value is IReadOnlyList<string>;

    /// <summary>A repeated question's answers, one per instance; a single value is a list of one.</summary>
    public IReadOnlyList<string> Items => value as IReadOnlyList<string> ?? [AsString()];

    public string AsString() => value switch
    {
        string s => s,
        double d => Format(d),
        bool b => b ? "true" : "false",
        IReadOnlyList<string> list => list.Count > 0 ? list[0] : "",
        _ => "",
    };

    public double AsNumber() => value switch
    {
        double d => d,
        bool b => b ? 1 : 0,
        _ => ParseNumber(AsString()),
    };

    public bool AsBoolean() => value switch
    {
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        IReadOnlyList<string> list => list.Count > 0 && list.Any(s => s.Length > 0),
        _ => AsString().Length > 0,
    };

    public override string ToString() => AsString();

    /// <summary>Integers without a decimal point, others as short as they round-trip: what the form shows and stores.</summary>
    public static string Format(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity")
        : d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A number, or a date (2025-03-31) or date-time (2025-03-31T14:30:00.000+07:00) as days since
    /// 1970-01-01 UTC, a time of day as a fraction, so that dates compare and subtract as ODK's do; else NaN.
    /// </summary>
    public static double ParseNumber(string text)
    {
        var trimmed = text.Trim();
        if (IsXPathNumber(trimmed) && double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return TryParseDateTime(trimmed, out var moment) ? (moment - EpochMoment).TotalDays
            : TryParseTime(trimmed, out var fraction) ? fraction : double.NaN;
    }

    /// <summary>
    /// A time of day as ODK writes it (14:30, 14:30:00, 14:30:00.000+07:00, 09:15Z) as the fraction of a UTC day gone,
    /// so that times compare with each other: an offset is honoured (14:30+07:00 is 07:30 UTC), no offset is UTC,
    /// as a date-time without one is.
    /// </summary>
    public static bool TryParseTime(string text, out double fraction)
    {
        fraction = double.NaN;
        var match = TimeOfDay().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var seconds = match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 23 || minutes > 59 || seconds >= 60)
        {
            return false;
        }

        var offset = 0;
        if (match.Groups["oh"].Success)
        {
            offset = (int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture))
                * (match.Groups["sign"].Value == "-" ? -1 : 1);
        }

        var minutesUtc = hours * 60 + minutes - offset + seconds / 60;
        fraction = ((minutesUtc % 1440) + 1440) % 1440 / 1440;
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<h>\d{2}):(?<m>\d{2})(?::(?<s>\d{2}(?:\.\d+)?))?(?:Z|(?<sign>[+-])(?<oh>\d{2}):?(?<om>\d{2}))?$")]
    private static partial System.Text.RegularExpressions.Regex TimeOfDay();

    /// <summary>XPath's Number: an optional '-', digits and one optional '.'; no '+', no exponent, no "Infinity" (.NET would take those).</summary>
    private static bool IsXPathNumber(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && digits.IndexOfAnyExcept("0123456789.") < 0;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ODK's dateTime form: milliseconds and the offset are always written.</summary>
    public static string FormatDateTime(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date or date-time as ODK writes them. A date is midnight UTC (the server has no device time zone);
    /// a date-time without an offset is taken as UTC. The offset is kept so that formatting shows the clock time written.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset moment)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 10 && DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            moment = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        // Only ISO shapes: a lenient parse would take "3/4" or "May" for dates.
        return DateTimeOffset.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment);
    }

    /// <summary>A date-time's days since 1970-01-01 (fractional), back as the date-time at UTC; NaN and infinities have none.</summary>
    public static DateTimeOffset? FromDays(double days) =>
        double.IsFinite(days) && Math.Abs(days) < 2_900_000 ? EpochMoment.AddMilliseconds(Math.Round(days * 86_400_000)) : null;

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static readonly DateTimeOffset EpochMoment = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

}
