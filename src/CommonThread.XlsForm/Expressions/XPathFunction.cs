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
        new("date", 1, 1, (a, c) => Moment(a[0].Evaluate(c), wholeDays: true) is { } m ? XPathValue.Of(XPathValue.FormatDate(DateOnly.FromDateTime(m.DateTime))) : XPathValue.Empty),
        new("date-time", 1, 1, (a, c) => Moment(a[0].Evaluate(c), wholeDays: false) is { } m ? XPathValue.Of(XPathValue.FormatDateTime(m)) : XPathValue.Empty),
        new("format-date", 2, 2, (a, c) => XPathValue.Of(FormatMoment(a[0].Evaluate(c), a[1].Evaluate(c).AsString()))),
        new("format-date-time", 2, 2, (a, c) => XPathValue.Of(FormatMoment(a[0].Evaluate(c), a[1].Evaluate(c).AsString()))),
        new("decimal-date-time", 1, 1, (a, c) => a[0].Evaluate(c) is var v && v.AsString().Length == 0 ? XPathValue.Empty : XPathValue.Of(v.AsNumber())),
        new("decimal-time", 1, 1, (a, c) => a[0].Evaluate(c) is var v && v.AsString().Length == 0 ? XPathValue.Empty : XPathValue.Of(DecimalTime(v))),
        new("not", 1, 1, (a, c) => XPathValue.Of(!a[0].Evaluate(c).AsBoolean())),
        new("true", 0, 0, (_, _) => XPathValue.Of(true)),
        new("false", 0, 0, (_, _) => XPathValue.Of(false)),
        new("boolean", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsBoolean())),
        new("boolean-from-string", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString() is var s && (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase)))),
        new("number", 0, 1, (a, c) => XPathValue.Of((a.Count == 0 ? c.Current : a[0].Evaluate(c)).AsNumber())),
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
        new("exp10", 1, 1, (a, c) => XPathValue.Of(Math.Pow(10, a[0].Evaluate(c).AsNumber()))),
        new("sin", 1, 1, (a, c) => XPathValue.Of(Math.Sin(a[0].Evaluate(c).AsNumber()))),
        new("cos", 1, 1, (a, c) => XPathValue.Of(Math.Cos(a[0].Evaluate(c).AsNumber()))),
        new("tan", 1, 1, (a, c) => XPathValue.Of(Math.Tan(a[0].Evaluate(c).AsNumber()))),
        new("asin", 1, 1, (a, c) => XPathValue.Of(Math.Asin(a[0].Evaluate(c).AsNumber()))),
        new("acos", 1, 1, (a, c) => XPathValue.Of(Math.Acos(a[0].Evaluate(c).AsNumber()))),
        new("atan", 1, 1, (a, c) => XPathValue.Of(Math.Atan(a[0].Evaluate(c).AsNumber()))),
        new("atan2", 2, 2, (a, c) => XPathValue.Of(Math.Atan2(a[0].Evaluate(c).AsNumber(), a[1].Evaluate(c).AsNumber()))),
        new("random", 0, 0, (_, _) => XPathValue.Of(Random.Shared.NextDouble())),
        new("digest", 2, 3, (a, c) => XPathValue.Of(Digest(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).AsString(), a.Count > 2 ? a[2].Evaluate(c).AsString() : "base64"))),
        new("base64-decode", 1, 1, (a, c) => XPathValue.Of(Base64Decode(a[0].Evaluate(c).AsString()))),
        new("string", 0, 1, (a, c) => XPathValue.Of((a.Count == 0 ? c.Current : a[0].Evaluate(c)).AsString())),
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
        new("count", 1, 1, (a, c) => XPathValue.Of(Count(a[0], c))),
        new("count-non-empty", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Count(s => s.Length > 0))),
        new("sum", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Sum(XPathValue.ParseNumber))),
        new("max", 1, int.MaxValue, (a, c) => XPathValue.Of(Extreme(Values(a, c), Math.Max))),
        new("min", 1, int.MaxValue, (a, c) => XPathValue.Of(Extreme(Values(a, c), Math.Min))),
        new("position", 0, 0, (_, c) => XPathValue.Of(c.Position)),
        new("indexed-repeat", 3, 3, (a, c) => XPathValue.Of(Instance(a[0], a[2].Evaluate(c).AsNumber(), c))),
        new("once", 1, 1, (a, c) => c.Stored is var kept && kept.AsString().Length > 0 ? kept : a[0].Evaluate(c)),
        new("jr:choice-name", 2, 2, (a, c) => XPathValue.Of(c.ChoiceLabel(QuestionOf(a[1].Evaluate(c).AsString()), a[0].Evaluate(c).AsString().Trim()))),
        new("distance", 1, int.MaxValue, (a, c) => XPathValue.Of(GeoFunctions.Distance(Values(a, c)))),
        new("area", 1, int.MaxValue, (a, c) => XPathValue.Of(GeoFunctions.Area(Values(a, c)))),
        new("join", 1, int.MaxValue, (a, c) => XPathValue.Of(string.Join(a[0].Evaluate(c).AsString(), Values(a.Skip(1).ToList(), c)))),
        new("checklist", 2, int.MaxValue, (a, c) => XPathValue.Of(Within(a, c, Truths(a.Skip(2).Select(x => x.Evaluate(c))).Count(t => t)))),
        new("weighted-checklist", 2, int.MaxValue, (a, c) => XPathValue.Of(Weighted(a, c) is var sum && sum >= a[0].Evaluate(c).AsNumber() && sum <= a[1].Evaluate(c).AsNumber()), argumentGroup: 2),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// ODK's digest(text, algorithm, encoding): the hash of the text's UTF-8 bytes (MD5, SHA-1, SHA-256, SHA-384, SHA-512), in base64
    /// unless 'hex' is asked; forms use it to keep a name or phone number comparable without keeping it. Anything else gives "".
    /// </summary>
    private static string Digest(string text, string algorithm, string encoding)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        byte[]? hash = algorithm.Trim().ToUpperInvariant() switch
        {
#pragma warning disable CA5351 // MD5 is asked for by the form, to compare values, not to protect anything.
            "MD5" => MD5.HashData(bytes),
#pragma warning restore CA5351
#pragma warning disable CA5350 // SHA-1 likewise.
            "SHA-1" => SHA1.HashData(bytes),
#pragma warning restore CA5350
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => null,
        };
        return hash is null ? "" : encoding.Trim().ToLowerInvariant() switch
        {
            "hex" => Convert.ToHexStringLower(hash),
            "base64" => Convert.ToBase64String(hash),
            _ => "",
        };
    }

    /// <summary>ODK's base64-decode: the UTF-8 text the base64 holds; "" when it is not base64 or not UTF-8.</summary>
    private static string Base64Decode(string text)
    {
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written))
        {
            return "";
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return "";
        }
    }

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

    /// <summary>
    /// As XPath's number conversion and JavaRosa's max/min: every value counts, so one blank or non-numeric value
    /// (an instance left empty) makes the result NaN, and so does having no value at all.
    /// </summary>
    private static double Extreme(IEnumerable<string> values, Func<double, double, double> pick)
    {
        double? best = null;
        foreach (var number in values.Select(XPathValue.ParseNumber))
        {
            if (double.IsNaN(number))
            {
                return double.NaN;
            }

            best = best is { } so ? pick(so, number) : number;
        }

        return best ?? double.NaN;
    }

    /// <summary>
    /// count() counts nodes, not answers: every instance of a repeated question, blank ones included, or of a repeat
    /// itself; a question outside any repeat is one node. Anything else (a text, a number) is one value when it is not empty.
    /// </summary>
    private static int Count(Expression argument, IExpressionContext context) =>
        argument.Evaluate(context) is var value && value.IsList ? value.Items.Count
        : argument is Reference ? 1
        : value.AsString().Length > 0 ? 1 : 0;

    /// <summary>indexed-repeat: the value of the question in the repeat's instance number <paramref name="index"/> (1-based); "" outside the instances.</summary>
    private static string Instance(Expression question, double index, IExpressionContext context)
    {
        var all = question is Reference r ? context.Nodes(r.Name).Items : question.Evaluate(context).Items;
        return double.IsFinite(index) && Math.Truncate(index) is var n && n >= 1 && n <= all.Count ? all[(int)n - 1] : "";
    }

    /// <summary>A question as jr:choice-name's second argument names it: '${q}', or an XPath such as /data/group/q.</summary>
    private static string QuestionOf(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith('}'))
        {
            return trimmed[2..^1].Trim();
        }

        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    /// <summary>
    /// As JavaRosa: halves round up, toward positive infinity (round(2.5) is 3, round(-2.5) is -2, as XPath 1.0 says);
    /// digits that are not a number count as 0; negative digits round to tens, hundreds and so on; more than 30 either way is NaN.
    /// Decimal arithmetic so that 1.005 rounds to 1.01, as it is written, not as its binary approximation.
    /// </summary>
    private static double Round(double value, double digits)
    {
        var places = double.IsNaN(digits) ? 0 : Math.Truncate(digits);
        if (!double.IsFinite(value))
        {
            return value;
        }

        if (Math.Abs(places) > 30)
        {
            return double.NaN;
        }

        if (places < 0)
        {
            var unit = Math.Pow(10, -places);
            return Math.Floor(value / unit + 0.5) * unit;
        }

        // A double holds about 15 significant digits: past 15 places, or once the scaled value reaches 1e15,
        // there is nothing left to round (and the decimal arithmetic could overflow).
        var scale = Math.Pow(10, Math.Min(places, 15));
        if (Math.Abs(value) * scale >= 1e15)
        {
            return value;
        }

        return (double)(Math.Floor((decimal)value * (decimal)scale + 0.5m) / (decimal)scale);
    }

    /// <summary>ODK's substr: 0-based, end exclusive; a negative position counts from the end; positions are truncated, NaN is 0, and they are clamped to the text.</summary>
    private static string Substr(string text, double start, double? end)
    {
        int Position(double p)
        {
            var whole = double.IsNaN(p) ? 0 : Math.Clamp(Math.Truncate(p), -text.Length, text.Length);
            return (int)(whole < 0 ? text.Length + whole : whole);
        }

        var from = Position(start);
        var to = end is { } e ? Position(e) : text.Length;
        return from <= to ? text[from..to] : "";
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

    /// <summary>
    /// A date or date-time answer as written, or a number of days since 1970-01-01 as that moment in UTC;
    /// date() truncates the number to whole days first, as JavaRosa does (date(-0.5) is 1970-01-01).
    /// </summary>
    private static DateTimeOffset? Moment(XPathValue value, bool wholeDays = false) =>
        XPathValue.TryParseDateTime(value.AsString(), out var moment) ? moment
        : XPathValue.FromDays(wholeDays ? Math.Truncate(value.AsNumber()) : value.AsNumber());

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

    /// <summary>
    /// The fraction of its day gone: of a time (14:30:00.000+07:00) or date-time by the clock time written (the server
    /// has no device time zone to convert to), of a number of days its fractional part; anything else is NaN.
    /// </summary>
    private static double DecimalTime(XPathValue value)
    {
        var text = value.AsString().Trim();
        if (XPathValue.TryParseDateTime(text, out var moment) || XPathValue.TryParseDateTime("1970-01-01T" + text, out moment))
        {
            return moment.TimeOfDay.TotalDays;
        }

        var days = value.AsNumber();
        return days - Math.Floor(days);
    }

    /// <summary>Values as XPath booleans, a repeated answer's one per instance (each a string: true when not empty).</summary>
    private static IEnumerable<bool> Truths(IEnumerable<XPathValue> values) =>
        values.SelectMany(v => v.IsList ? v.Items.Select(i => XPathValue.Of(i).AsBoolean()) : [v.AsBoolean()]);

    /// <summary>
    /// The sum of the weights whose values are true. Arguments after min and max come as value, weight pairs, or, as in
    /// JavaRosa, as one repeated answer of values and one of weights, instance by instance (unequal lengths pair up to the shorter).
    /// </summary>
    private static double Weighted(IReadOnlyList<Expression> arguments, IExpressionContext context)
    {
        var rest = arguments.Skip(2).Select(x => x.Evaluate(context)).ToList();
        var (values, weights) = rest is [{ IsList: true } listed, { IsList: true } weighed]
            ? (Truths([listed]).ToList(), weighed.Items.Select(XPathValue.ParseNumber).ToList())
            : (Truths(rest.Where((_, i) => i % 2 == 0)).ToList(), rest.Where((_, i) => i % 2 == 1).Select(w => w.AsNumber()).ToList());
        return values.Zip(weights).Where(p => p.First).Sum(p => p.Second);
    }

    /// <summary>Whether a checklist's count lies within its min and max, inclusive; a negative one (-1 by convention) leaves that side open.</summary>
    private static bool Within(IReadOnlyList<Expression> arguments, IExpressionContext context, double count)
    {
        var min = Math.Truncate(arguments[0].Evaluate(context).AsNumber());
        var max = Math.Truncate(arguments[1].Evaluate(context).AsNumber());
        return (min < 0 || count >= min) && (max < 0 || count <= max);
    }
}
