using System.Text.RegularExpressions;

namespace CommonThread.XlsForm.Expressions;

/// <summary>A function of the expression language, with how many arguments it takes.</summary>
public sealed class XPathFunction(string name, int minArguments, int maxArguments, Func<IReadOnlyList<Expression>, IExpressionContext, XPathValue> body)
{
    public string Name => name;

    public int MinArguments => minArguments;

    public int MaxArguments => maxArguments;

    internal XPathValue Invoke(IReadOnlyList<Expression> arguments, IExpressionContext context) => body(arguments, context);

    /// <summary>
    /// The common subset of ODK's functions that forms in this field use. Anything else is refused
    /// when the form is loaded, with the row and column, rather than failing while someone fills it in.
    /// </summary>
    public static IReadOnlyDictionary<string, XPathFunction> All { get; } = new XPathFunction[]
    {
        new("selected", 2, 2, (a, c) => XPathValue.Of(Choices(a[0].Evaluate(c)).Contains(a[1].Evaluate(c).AsString().Trim()))),
        new("count-selected", 1, 1, (a, c) => XPathValue.Of(Choices(a[0].Evaluate(c)).Length)),
        new("selected-at", 2, 2, (a, c) => Choices(a[0].Evaluate(c)) is var chosen && (int)a[1].Evaluate(c).AsNumber() is var i && i >= 0 && i < chosen.Length
            ? XPathValue.Of(chosen[i]) : XPathValue.Empty),
        new("if", 3, 3, (a, c) => a[0].Evaluate(c).AsBoolean() ? a[1].Evaluate(c) : a[2].Evaluate(c)),
        new("concat", 0, int.MaxValue, (a, c) => XPathValue.Of(string.Concat(a.SelectMany(x => x.Evaluate(c).Items)))),
        new("regex", 2, 2, (a, c) => XPathValue.Of(Matches(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).AsString()))),
        new("string-length", 0, 1, (a, c) => XPathValue.Of((a.Count == 0 ? c.Current : a[0].Evaluate(c)).AsString().Length)),
        new("coalesce", 2, 2, (a, c) => a[0].Evaluate(c) is var first && first.AsString().Length > 0 ? first : a[1].Evaluate(c)),
        new("today", 0, 0, (_, c) => XPathValue.Of(XPathValue.FormatDate(c.Today))),
        new("not", 1, 1, (a, c) => XPathValue.Of(!a[0].Evaluate(c).AsBoolean())),
        new("true", 0, 0, (_, _) => XPathValue.Of(true)),
        new("false", 0, 0, (_, _) => XPathValue.Of(false)),
        new("boolean", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsBoolean())),
        new("number", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsNumber())),
        new("int", 1, 1, (a, c) => XPathValue.Of(Math.Truncate(a[0].Evaluate(c).AsNumber()))),
        new("round", 1, 2, (a, c) => XPathValue.Of(Round(a[0].Evaluate(c).AsNumber(), a.Count > 1 ? (int)a[1].Evaluate(c).AsNumber() : 0))),
        new("string", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString())),
        new("contains", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString().Contains(a[1].Evaluate(c).AsString(), StringComparison.Ordinal))),
        new("starts-with", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString().StartsWith(a[1].Evaluate(c).AsString(), StringComparison.Ordinal))),
        new("ends-with", 2, 2, (a, c) => XPathValue.Of(a[0].Evaluate(c).AsString().EndsWith(a[1].Evaluate(c).AsString(), StringComparison.Ordinal))),
        new("substr", 2, 3, (a, c) => XPathValue.Of(Substring(a[0].Evaluate(c).AsString(), (int)a[1].Evaluate(c).AsNumber(), a.Count > 2 ? (int)a[2].Evaluate(c).AsNumber() : null))),
        new("count", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Count(s => s.Length > 0))),
        new("sum", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Sum(XPathValue.ParseNumber))),
        new("max", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Select(XPathValue.ParseNumber).DefaultIfEmpty(double.NaN).Max())),
        new("min", 1, 1, (a, c) => XPathValue.Of(a[0].Evaluate(c).Items.Select(XPathValue.ParseNumber).DefaultIfEmpty(double.NaN).Min())),
        new("join", 2, 2, (a, c) => XPathValue.Of(string.Join(a[0].Evaluate(c).AsString(), a[1].Evaluate(c).Items))),
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

    private static double Round(double value, int digits) =>
        double.IsNaN(value) ? value : digits >= 0 ? Math.Round(value, Math.Min(digits, 15), MidpointRounding.AwayFromZero)
        : Math.Round(value / Math.Pow(10, -digits), MidpointRounding.AwayFromZero) * Math.Pow(10, -digits);

    private static string Substring(string text, int start, int? end)
    {
        var from = Math.Clamp(start, 0, text.Length);
        var to = Math.Clamp(end ?? text.Length, from, text.Length);
        return text[from..to];
    }
}
