using CommonThread.XlsForm.Expressions;

namespace CommonThread.XlsForm;

/// <summary>What a form cannot be loaded for: the sheet, the spreadsheet row (1 = header) and column of each problem.</summary>
public sealed record FormProblem(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => $"{Sheet} row {Row}, {Column}: {Message}";
}

public enum QuestionType
{
    Text,
    Integer,
    Decimal,
    SelectOne,
    SelectMultiple,
    Date,
    Time,
    DateTime,
    Note,
    Calculate,
    Acknowledge,

    /// <summary>start, end, today, deviceid and the like: recorded by collection apps, never asked here.</summary>
    Metadata,

    /// <summary>A location, "latitude longitude [altitude [accuracy]]" as ODK writes it: typed, or given by the browser.</summary>
    Geopoint,

    /// <summary>A photo or scan, uploaded and kept like other evidence; the answer is the stored file's name.</summary>
    Image,

    /// <summary>Any other document, uploaded and kept like other evidence; the answer is the stored file's name.</summary>
    File,

    /// <summary>A question this platform cannot ask (audio, video, a list from an external file…): loaded, listed to the author in <see cref="XlsFormDefinition.Adaptations"/>, never asked, kept as an empty column in exports.</summary>
    Skipped,
}

/// <summary>How a question the platform cannot ask as its form intends is handled instead.</summary>
public enum AdaptationKind
{
    /// <summary>Not asked at all; its column stays in exports, empty.</summary>
    Skipped,

    /// <summary>Asked as a plain typed input (a barcode typed instead of scanned, a range as a number).</summary>
    PlainInput,
}

/// <summary>What the author is told at upload about one question: its survey row, its type as written, and why it is not asked as written.</summary>
public sealed record FormAdaptation(string Question, int Row, string Type, AdaptationKind Kind, string Reason);

/// <summary>Text in each of the form's languages; "" is the column without a language.</summary>
public sealed class Translated(IReadOnlyDictionary<string, string> byLanguage)
{
    public static Translated None { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> ByLanguage => byLanguage;

    public bool IsEmpty => byLanguage.Count == 0;

    /// <summary>The text in <paramref name="language"/>, else the unlabelled column, else the first language that has it.</summary>
    public string In(string? language) =>
        (language is not null && byLanguage.TryGetValue(language, out var text) ? text : null)
        ?? (byLanguage.TryGetValue("", out var plain) ? plain : null)
        ?? byLanguage.Values.FirstOrDefault() ?? "";
}

public sealed record Choice(string Name, Translated Label, IReadOnlyDictionary<string, string> Columns, double? Score);

/// <summary>A question, or a group or repeat holding questions.</summary>
public abstract class FormItem
{
    public required string Name { get; init; }

    public required Translated Label { get; init; }

    public Translated Hint { get; init; } = Translated.None;

    public Expression? Relevant { get; init; }

    public string? Appearance { get; init; }

    /// <summary>Every non-empty cell of the item's row by column (lower-cased), including columns this engine does not use, for tools that add their own (our "foa").</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>The survey sheet's row, for messages.</summary>
    public int Row { get; init; }

    public FormGroup? Parent { get; internal set; }

    /// <summary>
    /// The item's key in <see cref="XlsFormDefinition.Questions"/> and in stored answers: its name, unless
    /// another question in another group has the same name (pyxform asks names to be unique among
    /// siblings only); then its path, group/name.
    /// </summary>
    public string Key { get => key ?? Name; internal set => key = value; }

    private string? key;

    /// <summary>The group names down to this item, as KoboToolbox exports name columns: group/subgroup/question.</summary>
    public string Path => Parent is null ? Name : $"{Parent.Path}/{Name}";

    /// <summary>The repeat this item sits in, if any.</summary>
    public FormGroup? Repeat => Parent is null ? null : Parent.IsRepeat ? Parent : Parent.Repeat;
}

public sealed class FormGroup : FormItem
{
    public bool IsRepeat { get; init; }

    /// <summary>A repeat's repeat_count column (a number or an expression such as <c>${household_size}</c>): when set, the form decides how many instances there are, not the person filling it.</summary>
    public Expression? RepeatCount { get; init; }

    public List<FormItem> Children { get; } = [];
}

public sealed class FormQuestion : FormItem
{
    public QuestionType Type { get; init; }

    public string? ListName { get; init; }

    /// <summary>select_one/select_multiple "or_other": an "other" choice whose text is asked in a follow-up question.</summary>
    public bool OrOther { get; init; }

    public Expression? Required { get; init; }

    public Translated RequiredMessage { get; init; } = Translated.None;

    public Expression? Constraint { get; init; }

    public Translated ConstraintMessage { get; init; } = Translated.None;

    public Expression? Calculation { get; init; }

    public Expression? ChoiceFilter { get; init; }

    public string? Default { get; init; }

    /// <summary>A default that is an expression (<c>today()</c>, <c>${a} + 1</c>), decided as pyxform does (see <see cref="Filling.AnswerFormat.IsDynamic"/>): evaluated while the question has no answer, instead of <see cref="Default"/>'s text.</summary>
    public Expression? DynamicDefault { get; init; }

    public bool ReadOnly { get; init; }

    /// <summary>The type cell as the author wrote it ("barcode", "select one from yn"), for messages and the skipped list.</summary>
    public string SourceType { get; init; } = "";

    /// <summary>Whether someone filling the form sees and answers it (notes are seen, not answered).</summary>
    public bool IsAsked => Type is not (QuestionType.Calculate or QuestionType.Metadata or QuestionType.Skipped);
}

/// <summary>A loaded, checked form: its questions in order, choice lists and settings. Immutable once loaded; evaluate it as often as needed.</summary>
public sealed class XlsFormDefinition
{
    public required string Title { get; init; }

    public required string FormId { get; init; }

    public string? Version { get; init; }

    /// <summary>The languages of the label columns ("" for a column without one), the default first.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    public required IReadOnlyList<FormItem> Items { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<Choice>> Choices { get; init; }

    public required IReadOnlyDictionary<string, FormQuestion> Questions { get; init; }

    /// <summary>Questions skipped or asked as plain inputs, in form order: what the author is shown after uploading.</summary>
    public IReadOnlyList<FormAdaptation> Adaptations { get; init; } = [];

    /// <summary>Every group and repeat, nested ones included.</summary>
    public IEnumerable<FormGroup> Groups => XlsFormLoader.Flatten(Items).OfType<FormGroup>();

    private Dictionary<string, FormGroup>? repeats;

    /// <summary>Every repeat by name: what count(${roster}) and indexed-repeat() read. Built on first use (the form is immutable).</summary>
    public IReadOnlyDictionary<string, FormGroup> Repeats =>
        repeats ??= Groups.Where(g => g.IsRepeat).GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Every question in the order of the form, groups flattened.</summary>
    public IEnumerable<FormQuestion> AllQuestions => Questions.Values.OrderBy(q => q.Row);
}
