using System.Globalization;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

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
    public static readonly ValueRange<decimal> Money = new(0m, 1_000_000_000_000m,
        (value, min, max) => Phrase.Of("{0} is out of range for an amount: between {1} and {2}.", value, min, max));

    /// <summary>A wage or piece rate per hour or piece, in the currency's own units.</summary>
    public static readonly ValueRange<decimal> Rate = new(0m, 10_000_000m,
        (value, min, max) => Phrase.Of("{0} is out of range for a rate: between {1} and {2}.", value, min, max));

    /// <summary>Minutes of work: a piece's standard minutes or a month's quota (31 days of 24 hours at most).</summary>
    public static readonly ValueRange<decimal> Minutes = new(0m, 44_640m,
        (value, min, max) => Phrase.Of("{0} is out of range for minutes: between {1} and {2}.", value, min, max));

    /// <summary>Pieces, rows, responses: what one order or one round can hold.</summary>
    public static readonly ValueRange<int> Count = new(0, 10_000_000,
        (value, min, max) => Phrase.Of("{0} is out of range for a count: between {1} and {2}.", value, min, max));

    /// <summary>People at one workplace: the largest factories employ tens of thousands.</summary>
    public static readonly ValueRange<int> Headcount = new(0, MaxHeadcount,
        (value, min, max) => Phrase.Of("{0} is out of range for a number of workers: between {1} and {2}.", value, min, max));

    /// <summary>For the attributes that state <see cref="Headcount"/> on forms and in the API description.</summary>
    public const int MaxHeadcount = 1_000_000;

    public static readonly ValueRange<decimal> Percent = new(0m, 100m,
        (value, min, max) => Phrase.Of("{0} is out of range for a percentage: between {1} and {2}.", value, min, max));

    /// <summary>A period in days: payment terms, deadlines, retention (ten years at most).</summary>
    public static readonly ValueRange<int> Days = new(0, 3_650,
        (value, min, max) => Phrase.Of("{0} is out of range for a number of days: between {1} and {2}.", value, min, max));

    public static readonly ValueRange<int> Year = new(1900, 2100,
        (value, min, max) => Phrase.Of("{0} is out of range for a year: between {1} and {2}.", value, min, max));

    public static readonly ValueRange<decimal> Latitude = new(-90m, 90m,
        (value, min, max) => Phrase.Of("{0} is out of range for a latitude: between {1} and {2}.", value, min, max));

    public static readonly ValueRange<decimal> Longitude = new(-180m, 180m,
        (value, min, max) => Phrase.Of("{0} is out of range for a longitude: between {1} and {2}.", value, min, max));

    /// <summary>Any day a record speaks of, birth dates included.</summary>
    public static readonly ValueRange<DateOnly> Day = new(new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31),
        (value, min, max) => Phrase.Of("{0} is out of range for a date: between {1} and {2}.", value, min, max));

    /// <summary>Any number at all in a request: beyond this no kind of ours has a meaning, and decimal arithmetic could overflow.</summary>
    public static readonly ValueRange<decimal> AnyNumber = new(-1_000_000_000_000_000m, 1_000_000_000_000_000m,
        (value, min, max) => Phrase.Of("{0} is out of range for a number: between {1} and {2}.", value, min, max));
}

/// <summary>
/// An inclusive range with the sentence that refuses a value outside it, written where each kind is declared
/// ("{0} is out of range for an amount: between {1} and {2}.") so the kind is named in the reader's language.
/// </summary>
public sealed record ValueRange<T>(T Min, T Max, Func<string, string, string, Phrase> Says) where T : struct, IComparable<T>
{
    public bool Contains(T value) => value.CompareTo(Min) >= 0 && value.CompareTo(Max) <= 0;

    /// <summary>Why the value is refused, for a <see cref="RuleViolation"/> that each reader sees in their language.</summary>
    public Phrase RefusalWords(T value) => Says(Show(value), Show(Min), Show(Max));

    /// <summary>The same in English, for the messages kept as plain text (an import row's problems, a form's field errors).</summary>
    public string Refusal(T value) => RefusalWords(value).English;

    /// <summary>The value itself when in range or absent; a refusal naming the field otherwise.</summary>
    public T? Require(T? value, string field) =>
        value is not { } v || Contains(v) ? value : throw Refused(field, v);

    /// <summary>The same for a value that is never absent.</summary>
    public T Require(T value, string field) =>
        Contains(value) ? value : throw Refused(field, value);

    /// <summary>The refusal as a violation; its template is the literal written where the kind is declared, where the translation check reads it.</summary>
    private RuleViolation Refused(string field, T value) => new(field, RefusalWords(value));

    private static string Show(T value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString("#,0.####", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
