using System.Globalization;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Values;

/// <summary>
/// The one range each kind of number or date may take, wherever it enters (API body, page form or
/// imported cell). A value outside its kind's range is a typing slip or an attack, never a fact: a
/// minimum wage of 9.2 quintillion taka flagged every work order in Bangladesh. The bounds are wide
/// enough for every currency the users pay in (Vietnamese dong, Indonesian rupiah and Iranian rial
/// included) and every date a record can speak of.
/// </summary>
public static class Plausible
{
    /// <summary>An amount paid or invoiced, in the currency's own units: a trillion covers a year of a large brand's orders in dong.</summary>
    public static readonly ValueRange<decimal> Money = new("an amount", 0m, 1_000_000_000_000m);

    /// <summary>A wage or piece rate per hour or piece, in the currency's own units.</summary>
    public static readonly ValueRange<decimal> Rate = new("a rate", 0m, 10_000_000m);

    /// <summary>Minutes of work: a piece's standard minutes or a month's quota (31 days of 24 hours at most).</summary>
    public static readonly ValueRange<decimal> Minutes = new("minutes", 0m, 44_640m);

    /// <summary>Pieces, rows, responses: what one order or one round can hold.</summary>
    public static readonly ValueRange<int> Count = new("a count", 0, 10_000_000);

    /// <summary>People at one workplace: the largest factories employ tens of thousands.</summary>
    public static readonly ValueRange<int> Headcount = new("a number of workers", 0, MaxHeadcount);

    /// <summary>For the attributes that state <see cref="Headcount"/> on forms and in the API description.</summary>
    public const int MaxHeadcount = 1_000_000;

    public static readonly ValueRange<decimal> Percent = new("a percentage", 0m, 100m);

    /// <summary>A period in days: payment terms, deadlines, retention (ten years at most).</summary>
    public static readonly ValueRange<int> Days = new("a number of days", 0, 3_650);

    public static readonly ValueRange<int> Year = new("a year", 1900, 2100);

    public static readonly ValueRange<decimal> Latitude = new("a latitude", -90m, 90m);

    public static readonly ValueRange<decimal> Longitude = new("a longitude", -180m, 180m);

    /// <summary>Any day a record speaks of, birth dates included.</summary>
    public static readonly ValueRange<DateOnly> Day = new("a date", new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31));

    /// <summary>Any number at all in a request: beyond this no kind of ours has a meaning, and decimal arithmetic could overflow.</summary>
    public static readonly ValueRange<decimal> AnyNumber = new("a number", -1_000_000_000_000_000m, 1_000_000_000_000_000m);
}

/// <summary>An inclusive range with the words that name its kind in a refusal.</summary>
public sealed record ValueRange<T>(string Kind, T Min, T Max) where T : struct, IComparable<T>
{
    public bool Contains(T value) => value.CompareTo(Min) >= 0 && value.CompareTo(Max) <= 0;

    public string Refusal(T value) =>
        $"{Show(value)} is out of range for {Kind}: between {Show(Min)} and {Show(Max)}.";

    /// <summary>The value itself when in range or absent; a refusal naming the field otherwise.</summary>
    public T? Require(T? value, string field) =>
        value is not { } v || Contains(v) ? value : throw new RuleViolation(field, Refusal(v));

    /// <summary>The same for a value that is never absent.</summary>
    public T Require(T value, string field) =>
        Contains(value) ? value : throw new RuleViolation(field, Refusal(value));

    private static string Show(T value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString("#,0.####", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
