using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CommonThread.XlsForm.Expressions;

/// <summary>
/// A function of the expression language, with how many arguments it takes: at least
/// <paramref name="minArguments"/>, and any beyond those in groups of <paramref name="argumentGroup"/>
/// (weighted-checklist's value and weight pairs).
/// </summary>
public sealed class XPathFunction(string name, int minArguments, int maxArguments, Func<IReadOnlyList<Expression>, IExpressionContext, XPathValue> body, int argumentGroup = 1)
{
    public string Name => name;

    public int MinArguments => minArguments;

    public int MaxArguments => maxArguments;

    public int ArgumentGroup => argumentGroup;

    internal XPathValue Invoke(IReadOnlyList<Expression> arguments, IExpressionContext context) => body(arguments, context);

    /// <summary>
    /// The common subset of ODK's functions that forms in this field use. Anything else is refused
    /// when the form is loaded, with the row and column, rather than failing while someone fills it in.
    /// </summary>
    public static IReadOnlyDictionary<string, XPathFunction> All { get; } = new XPathFunction[]
    {
        new("selected", 2, 2, (a, c) => XPathValue.Of(Choices(a[0].Evaluate(c)).Contains(a[1].Evaluate(c).AsString().Trim()))),
        new("count-selected", 1, 1, (a, c) => XPathValue.Of(Choices(a[0].Evaluate(c)).Length)),
        new("selected-at", 2, 2, (a, c) => Choices(a[0].Evaluate(c)) is var chosen && a[1].Evaluate(c).AsNumber() is var i && i >= 0 && i < chosen.Length
            ? XPathValue.Of(chosen[(int)i]) : XPathValue.Empty),
        new("if", 3, 3, (a, c) => a[0].Evaluate(c).AsBoolean() ? a[1].Evaluate(c) : a[2].Evaluate(c)),
        new("concat", 0, int.MaxValue, (a, c) => XPathValue.Of(string.Concat(Values(a, c)))),
        new("regex", 2, 2, (a, c) => XPathValue.Of(Matches(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).AsString()))),
        new("string-length", 0, 1, (a, c) => XPathValue.Of((a.Count == 0 ? c.Current : a[0].Evaluate(c)).AsString().Length)),
        new("coalesce", 2, 2, (a, c) => a[0].Evaluate(c) is var first && first.AsString().Length > 0 ? first : a[1].Evaluate(c)),
        new("today", 0, 0, (_, c) => XPathValue.Of(XPathValue.FormatDate(c.Today))),
        new("now", 0, 0, (_, c) => XPathValue.Of(XPathValue.FormatDateTime(c.Now))),
        new("date", 1, 1, (a, c) => Moment(a[0].Evaluate(c)) is { } m ? XPathValue.Of(XPathValue.FormatDate(DateOnly.FromDateTime(m.DateTime))) : XPathValue.Empty),
        new("date-time", 1, 1, (a, c) => Moment(a[0].Evaluate(c)) is { } m ? XPathValue.Of(XPathValue.FormatDateTime(m)) : XPathValue.Empty),
        new("format-date", 2, 2, (a, c) => XPathValue.Of(FormatMoment(a[0].Evaluate(c), a[1].Evaluate(c).AsString()))),
        new("format-date-time", 2, 2, (a, c) => XPathValue.Of(FormatMoment(a[0].Evaluate(c), a[1].Evaluate(c).AsString()))),
        new("decimal-date-time", 1, 1, (a, c) => XPathValue.Of(XPathValue.ParseNumber(a[0].Evaluate(c).AsString()))),
        new("decimal-time", 1, 1, (a, c) => XPathValue.Of(DecimalTime(a[0].Evaluate(c).AsString()))),
        new("not", 1, 1, (a, c) => XPathValue.Of(!a[0].Evaluate(c).AsBoolean())),
        new("true", 0, 0, (_, _) => XPathValue.Of(true)),
        new("false", 0, 0, (_, _) => XPathValue.Of(false)),
        new("boolean", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsBoolean())),
        new("boolean-from-string", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString() is "true" or "1")),
        new("number", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsNumber())),
        new("int", 1, 1, (a, c) => XPathValue.Of(Math.Truncate(a[0].Evaluate(c).AsNumber()))),
        new("round", 1, 2, (a, c) => XPathValue.Of(Round(a[0].Evaluate(c).AsNumber(), a.Count > 1 ? a[1].Evaluate(c).AsNumber() : 0))),
        new("floor", 1, 1, (a, c) => XPathValue.Of(Math.Floor(a[0].Evaluate(c).AsNumber()))),
        new("ceiling", 1, 1, (a, c) => XPathValue.Of(Math.Ceiling(a[0].Evaluate(c).AsNumber()))),
        new("abs", 1, 1, (a, c) => XPathValue.Of(Math.Abs(a[0].Evaluate(c).AsNumber()))),
        new("pow", 2, 2, (a, c) => XPathValue.Of(Math.Pow(a[0].Evaluate(c).AsNumber(), a[1].Evaluate(c).AsNumber()))),
        new("sqrt", 1, 1, (a, c) => XPathValue.Of(Math.Sqrt(a[0].Evaluate(c).AsNumber()))),
        new("exp", 1, 1, (a, c) => XPathValue.Of(Math.Exp(a[0].Evaluate(c).AsNumber()))),
        new("log", 1, 1, (a, c) => XPathValue.Of(Math.Log(a[0].Evaluate(c).AsNumber()))),
        new("log10", 1, 1, (a, c) => XPathValue.Of(Math.Log10(a[0].Evaluate(c).AsNumber()))),
        new("pi", 0, 0, (_, _) => XPathValue.Of(Math.PI)),
        new("string", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString())),
        new("contains", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString().Contains(a[1].Evaluate(c).AsString(), StringComparison.Ordinal))),
        new("starts-with", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString().StartsWith(a[1].Evaluate(c).AsString(), StringComparison.Ordinal))),
        new("ends-with", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString().EndsWith(a[1].Evaluate(c).AsString(), StringComparison.Ordinal))),
        new("substr", 2, 3, (a, c) => XPathValue.Of(Substr(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).AsNumber(), a.Count > 2 ? a[2].Evaluate(c).AsNumber() : null))),
        new("substring", 2, 3, (a, c) => XPathValue.Of(Substring(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).AsNumber(), a.Count > 2 ? a[2].Evaluate(c).AsNumber() : double.PositiveInfinity))),
        new("substring-before", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString() is var s && s.IndexOf(a[1].Evaluate(c).AsString(), StringComparison.Ordinal) is var i && i >= 0 ? s[..i] : "")),
        new("substring-after", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString() is var s && a[1].Evaluate(c).AsString() is var t && s.IndexOf(t, StringComparison.Ordinal) is var i && i >= 0 ? s[(i + t.Length)..] : "")),
        new("translate", 3, 3, (a, c) => XPathValue.Of(Translate(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).AsString(), a[2].Evaluate(c).AsString()))),
        new("normalize-space", 0, 1, (a, c) => XPathValue.Of(string.Join(' ', (a.Count == 0 ? c.Current : a[0].Evaluate(c)).AsString().Split(XmlSpace, StringSplitOptions.RemoveEmptyEntries)))),
        new("uuid", 0, 1, (a, c) => XPathValue.Of(a.Count == 0 ? Guid.NewGuid().ToString() : RandomText(a[0].Evaluate(c).AsNumber()))),
        new("count", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Count(s => s.Length > 0))),
        new("count-non-empty", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Count(s => s.Length > 0))),
        new("sum", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Sum(XPathValue.ParseNumber))),
        new("max", 1, int.MaxValue, (a, c) => XPathValue.Of(Extreme(Values(a, c), Math.Max))),
        new("min", 1, int.MaxValue, (a, c) => XPathValue.Of(Extreme(Values(a, c), Math.Min))),
        new("join", 1, int.MaxValue, (a, c) => XPathValue.Of(string.Join(a[0].Evaluate(c).AsString(), Values(a.Skip(1).ToList(), c)))),
        new("checklist", 2, int.MaxValue, (a, c) => XPathValue.Of(Within(a, c, Truths(a.Skip(2), c).Count(t => t)))),
        new("weighted-checklist", 2, int.MaxValue, (a, c) => XPathValue.Of(Within(a, c, Weighted(a, c))), argumentGroup: 2),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>A select_multiple answer is its choices' names separated by spaces.</summary>
    private static string[] Choices(XPathValue answer) => answer.AsString().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A pattern from a form runs with a time limit: a hostile one fails the check instead of hanging the server.</summary>
    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Every argument's values, a repeated answer's one per instance: what the many-argument functions work through.</summary>
    private static IEnumerable<string> Values(IReadOnlyList<Expression> arguments, IExpressionContext context) =>
        arguments.SelectMany(x => x.Evaluate(context).Items);

    /// <summary>No values, or any that is not a number (an empty answer among them), give NaN as in ODK: a maximum that skipped them would mislead.</summary>
    private static double Extreme(IEnumerable<string> values, Func<double, double, double> pick)
    {
        var numbers = values.Select(XPathValue.ParseNumber).ToList();
        return numbers.Count == 0 || numbers.Any(double.IsNaN) ? double.NaN : numbers.Aggregate(pick);
    }

    /// <summary>Halves round away from zero (round(-2.5) is -3), as ODK does; negative digits round to tens, hundreds and so on.</summary>
    private static double Round(double value, double digits)
    {
        if (double.IsNaN(digits) || !double.IsFinite(value))
        {
            return double.IsNaN(digits) ? double.NaN : value;
        }

        var places = (int)Math.Clamp(Math.Truncate(digits), -308, 15);
        return places >= 0 ? Math.Round(value, places, MidpointRounding.AwayFromZero)
            : Math.Round(value / Math.Pow(10, -places), MidpointRounding.AwayFromZero) * Math.Pow(10, -places);
    }

    /// <summary>ODK's substr: 0-based, end exclusive, positions clamped to the text.</summary>
    private static string Substr(string text, double start, double? end)
    {
        var from = (int)Math.Clamp(double.IsNaN(start) ? 0 : start, 0, text.Length);
        var to = (int)Math.Clamp(end is { } e ? (double.IsNaN(e) ? from : e) : text.Length, from, text.Length);
        return text[from..to];
    }

    /// <summary>
    /// XPath's substring: the characters at 1-based positions p with round(start) &lt;= p &lt; round(start) + round(length).
    /// Written as that comparison so NaN selects nothing and infinities behave as the XPath spec's examples do.
    /// </summary>
    private static string Substring(string text, double start, double length)
    {
        var first = XPathRound(start);
        var last = first + XPathRound(length);
        var result = new StringBuilder();
        for (var p = 1; p <= text.Length; p++)
        {
            if (p >= first && p < last)
            {
                result.Append(text[p - 1]);
            }
        }

        return result.ToString();
    }

    /// <summary>XPath 1.0's round for substring positions: halves go up (floor(x + 0.5)).</summary>
    private static double XPathRound(double x) => double.IsFinite(x) ? Math.Floor(x + 0.5) : x;

    /// <summary>Each character of <paramref name="from"/> becomes the one at its place in <paramref name="to"/>, or goes when <paramref name="to"/> is shorter; a repeated one counts at its first place.</summary>
    private static string Translate(string text, string from, string to)
    {
        var result = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var at = from.IndexOf(ch, StringComparison.Ordinal);
            if (at < 0)
            {
                result.Append(ch);
            }
            else if (at < to.Length)
            {
                result.Append(to[at]);
            }
        }

        return result.ToString();
    }

    private static readonly char[] XmlSpace = [' ', '\t', '\r', '\n'];

    private const string Alphanumeric = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>uuid(n): n random letters and digits, from the secure generator since such ids are used as codes.</summary>
    private static string RandomText(double length) =>
        double.IsFinite(length) && length >= 0 && length <= 1000 ? RandomNumberGenerator.GetString(Alphanumeric, (int)length) : "";

    /// <summary>A date or date-time answer as written, or a number of days since 1970-01-01 as that moment in UTC.</summary>
    private static DateTimeOffset? Moment(XPathValue value) =>
        XPathValue.TryParseDateTime(value.AsString(), out var moment) ? moment : XPathValue.FromDays(value.AsNumber());

    /// <summary>ODK's format-date tokens; the clock time is the one written (the server has no device time zone). Anything not a date gives "".</summary>
    private static string FormatMoment(XPathValue value, string format)
    {
        if (Moment(value) is not { } moment)
        {
            return "";
        }

        var t = moment.DateTime;
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                result.Append(format[i]);
                continue;
            }

            i++;
            result.Append(format[i] switch
            {
                'Y' => t.ToString("yyyy", CultureInfo.InvariantCulture),
                'y' => t.ToString("yy", CultureInfo.InvariantCulture),
                'm' => t.ToString("MM", CultureInfo.InvariantCulture),
                'n' => t.Month.ToString(CultureInfo.InvariantCulture),
                'b' => t.ToString("MMM", CultureInfo.InvariantCulture),
                'd' => t.ToString("dd", CultureInfo.InvariantCulture),
                'e' => t.Day.ToString(CultureInfo.InvariantCulture),
                'H' => t.ToString("HH", CultureInfo.InvariantCulture),
                'h' => t.Hour.ToString(CultureInfo.InvariantCulture),
                'M' => t.ToString("mm", CultureInfo.InvariantCulture),
                'S' => t.ToString("ss", CultureInfo.InvariantCulture),
                '3' => t.ToString("fff", CultureInfo.InvariantCulture),
                'a' => t.ToString("ddd", CultureInfo.InvariantCulture),
                var other => "%" + other,
            });
        }

        return result.ToString();
    }

    /// <summary>A time (14:30:00.000+07:00) as the fraction of its day gone, by the clock time written; anything else is NaN.</summary>
    private static double DecimalTime(string time) =>
        XPathValue.TryParseDateTime("1970-01-01T" + time.Trim(), out var moment) ? moment.TimeOfDay.TotalDays : double.NaN;

    /// <summary>Every value after checklist's min and max, a repeated answer's one per instance, as XPath booleans.</summary>
    private static IEnumerable<bool> Truths(IEnumerable<Expression> arguments, IExpressionContext context) =>
        arguments.Select(x => x.Evaluate(context)).SelectMany(v => v.IsList ? v.Items.Select(i => XPathValue.Of(i).AsBoolean()) : [v.AsBoolean()]);

    /// <summary>The sum of the weights whose values are true: arguments after min and max come as value, weight pairs.</summary>
    private static double Weighted(IReadOnlyList<Expression> arguments, IExpressionContext context)
    {
        var total = 0.0;
        for (var i = 2; i + 1 < arguments.Count; i += 2)
        {
            if (arguments[i].Evaluate(context).AsBoolean())
            {
                total += arguments[i + 1].Evaluate(context).AsNumber();
            }
        }

        return total;
    }

    /// <summary>Whether a checklist's count lies within its min and max, inclusive; -1 for either leaves that side open.</summary>
    private static bool Within(IReadOnlyList<Expression> arguments, IExpressionContext context, double count)
    {
        var min = arguments[0].Evaluate(context).AsNumber();
        var max = arguments[1].Evaluate(context).AsNumber();
        return (min == -1 || count >= min) && (max == -1 || count <= max);
    }
}
