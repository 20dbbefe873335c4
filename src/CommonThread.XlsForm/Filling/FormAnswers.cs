namespace CommonThread.XlsForm.Filling;

/// <summary>
/// What someone has typed or chosen so far, as text (XLSForm's answers are strings: a date is
/// 2025-03-31, a select_multiple its choice names separated by spaces). Questions inside a repeat
/// have one answer per instance. A question never answered is absent, so its default applies; one
/// answered and cleared is "". Serialisable as it is, so a draft can be kept and resumed.
/// </summary>
public sealed class FormAnswers
{
    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How many instances each repeat has.</summary>
    public Dictionary<string, int> RepeatCounts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A question inside a repeat is stored as name#instance (1-based), as a path a person can read.</summary>
    public static string Key(FormItem item, int instance) =>
        item.Repeat is null && item is not FormGroup { IsRepeat: true } ? item.Key : $"{item.Key}#{instance + 1}";

    /// <summary>The question an answer key belongs to: "name" for "name#2".</summary>
    public static string QuestionName(string key) => key.Split('#')[0];

    public string? Get(FormQuestion question, int instance = 0) => Values.GetValueOrDefault(Key(question, instance));

    public FormAnswers Set(FormQuestion question, string value, int instance = 0)
    {
        Values[Key(question, instance)] = value;
        return this;
    }

    /// <summary>A repeat starts with one instance, as ODK's forms do, until the person adds or removes some.</summary>
    public int Instances(FormGroup repeat) => RepeatCounts.TryGetValue(repeat.Name, out var count) ? Math.Clamp(count, 0, MaxInstances) : 1;

    /// <summary>More instances than a questionnaire could want are refused rather than evaluated.</summary>
    public const int MaxInstances = 500;
}
