using System.Globalization;
using CommonThread.XlsForm.Expressions;

namespace CommonThread.XlsForm.Filling;

public enum AnswerProblem
{
    Required,
    NotWholeNumber,
    NotNumber,
    NotDate,
    NotAChoice,
    Constraint,
    NotGeopoint,
}

/// <summary>An answer the form does not accept. <see cref="FormMessage"/> is the form's own required/constraint message in the language asked for, when it has one.</summary>
public sealed record AnswerError(FormQuestion Question, int Instance, AnswerProblem Problem, string? FormMessage)
{
    public string Message => FormMessage ?? Problem switch
    {
        AnswerProblem.Required => "This question must be answered.",
        AnswerProblem.NotWholeNumber => "Enter a whole number.",
        AnswerProblem.NotNumber => "Enter a number.",
        AnswerProblem.NotDate => "Enter a date as YYYY-MM-DD.",
        AnswerProblem.NotAChoice => "Choose among the options shown.",
        AnswerProblem.NotGeopoint => "Enter a latitude and a longitude, e.g. 11.5564 104.9282.",
        _ => "This answer is not accepted.",
    };
}

/// <summary>Points from the choices' score column: for the whole form and for each top-level group (a section).</summary>
public sealed record FormScore(double Points, double Maximum, IReadOnlyList<SectionScore> Sections)
{
    /// <summary>0–100, or null when no scored question was answered.</summary>
    public double? Percent => Maximum > 0 ? Math.Round(100 * Points / Maximum, 1) : null;
}

public sealed record SectionScore(string Name, string Label, double Points, double Maximum)
{
    public double? Percent => Maximum > 0 ? Math.Round(100 * Points / Maximum, 1) : null;
}

/// <summary>
/// One pass over a form with a set of answers: which questions are relevant, what each calculation
/// gives, which choices a choice_filter leaves, which answers break a type, a required flag or a
/// constraint, and the score. Values are computed on first use and remembered for the pass, so the
/// order of the form does not matter and each expression runs once. A dependency loop the loader
/// did not catch reads as empty instead of recursing forever.
/// </summary>
public sealed partial class FormEvaluation
{
    private readonly Dictionary<(FormItem, int), bool> relevance = [];
    private readonly Dictionary<(FormQuestion, int), string> values = [];
    private readonly HashSet<(FormItem, int)> computing = [];
    private readonly Dictionary<FormGroup, int> instances = [];

    private FormEvaluation(XlsFormDefinition form, FormAnswers answers, DateOnly today, DateTimeOffset? now, string? language)
    {
        Form = form;
        Answers = answers;
        Today = today;
        Now = now ?? new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Language = language;
    }

    public XlsFormDefinition Form { get; }

    public FormAnswers Answers { get; }

    public DateOnly Today { get; }

    /// <summary>What now() reads; without one given, the start of <see cref="Today"/> in UTC.</summary>
    public DateTimeOffset Now { get; }

    public string? Language { get; }

    public static FormEvaluation Of(XlsFormDefinition form, FormAnswers answers, DateOnly today, string? language = null, DateTimeOffset? now = null) =>
        new(form, answers, today, now, language);

    /// <summary>
    /// How many instances a repeat has: its repeat_count when the form sets one (whole, clamped to 0..<see cref="FormAnswers.MaxInstances"/>,
    /// blank or not a number giving 0), else as many as the person added.
    /// </summary>
    public int Instances(FormGroup repeat)
    {
        if (repeat.RepeatCount is null)
        {
            return Answers.Instances(repeat);
        }

        if (instances.TryGetValue(repeat, out var known))
        {
            return known;
        }

        // A repeat_count that reads, through others, how many instances its own repeat has: none.
        if (!computing.Add((repeat, -1)))
        {
            return 0;
        }

        var count = repeat.RepeatCount.Evaluate(new Context(this, repeat.Parent, 0, null)).AsNumber();
        computing.Remove((repeat, -1));
        return instances[repeat] = double.IsNaN(count) ? 0 : (int)Math.Clamp(Math.Truncate(count), 0, FormAnswers.MaxInstances);
    }

    /// <summary>Any expression evaluated where <paramref name="at"/> sits (its repeat instance, its own answer as "."): for tools and the conformance suite.</summary>
    public XPathValue Evaluate(Expression expression, FormItem? at = null, int instance = 0) =>
        expression.Evaluate(new Context(this, at, at is null ? 0 : InstanceOf(at, instance), null));

    /// <summary>Whether the item shows: its own relevant expression and every enclosing group's hold.</summary>
    public bool IsRelevant(FormItem item, int instance = 0)
    {
        instance = InstanceOf(item, instance);
        if (relevance.TryGetValue((item, instance), out var known))
        {
            return known;
        }

        if (!computing.Add((item, instance)))
        {
            return false;
        }

        var result = (item.Parent is null || IsRelevant(item.Parent, instance))
            && (item.Relevant is null || item.Relevant.Evaluate(new Context(this, item, instance, null)).AsBoolean());
        computing.Remove((item, instance));
        return relevance[(item, instance)] = result;
    }

    /// <summary>The question's value: its calculation, else the answer given, else its default; "" when it is not relevant.</summary>
    public string Value(FormQuestion question, int instance = 0)
    {
        instance = InstanceOf(question, instance);
        if (values.TryGetValue((question, instance), out var known))
        {
            return known;
        }

        if (!IsRelevant(question, instance) || !computing.Add((question, instance)))
        {
            return "";
        }

        string result;
        if (question.Calculation is not null)
        {
            result = Stored(question.Calculation.Evaluate(new Context(this, question, instance, null)));
        }
        else if (question.Type is QuestionType.Metadata or QuestionType.Skipped || (question.Type == QuestionType.Note && question.Default is null))
        {
            result = "";
        }
        else
        {
            result = (question.ReadOnly ? null : Answers.Get(question, instance)?.Trim())
                ?? (question.DynamicDefault is { } dynamic ? Stored(dynamic.Evaluate(new Context(this, question, instance, null))) : question.Default)
                ?? "";
        }

        computing.Remove((question, instance));
        return values[(question, instance)] = result;
    }

    /// <summary>The choices offered at this point: the list, narrowed by the choice_filter, with "other" for or_other.</summary>
    public IReadOnlyList<Choice> ChoicesFor(FormQuestion question, int instance = 0)
    {
        if (question.ListName is null || !Form.Choices.TryGetValue(question.ListName, out var list))
        {
            return [];
        }

        IEnumerable<Choice> offered = question.ChoiceFilter is null ? list
            : list.Where(c => question.ChoiceFilter.Evaluate(new Context(this, question, InstanceOf(question, instance), c)).AsBoolean());
        return question.OrOther ? [.. offered, Other] : offered as IReadOnlyList<Choice> ?? [.. offered];
    }

    /// <summary>Every item in the order of the form, a repeat's items once per instance (the repeat itself first in each).</summary>
    public IEnumerable<(FormItem Item, int Instance)> Walk() => Walk(Form.Items, 0);

    private IEnumerable<(FormItem Item, int Instance)> Walk(IEnumerable<FormItem> items, int instance)
    {
        foreach (var item in items)
        {
            if (item is FormGroup { IsRepeat: true } repeat)
            {
                for (var i = 0; i < Instances(repeat); i++)
                {
                    yield return (repeat, i);
                    foreach (var inner in Walk(repeat.Children, i))
                    {
                        yield return inner;
                    }
                }
            }
            else
            {
                yield return (item, instance);
                if (item is FormGroup group)
                {
                    foreach (var inner in Walk(group.Children, instance))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>A label or hint with each ${name} replaced by that question's value, as ODK shows notes.</summary>
    public string Text(FormItem item, Translated text, int instance = 0) =>
        text.In(Language) is var raw && raw.Contains("${", StringComparison.Ordinal)
            ? Placeholder().Replace(raw, m => Form.Questions.TryGetValue(m.Groups[1].Value, out var q) ? new Context(this, item, InstanceOf(item, instance), null).Reference(q.Name).AsString() : m.Value)
            : raw;

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>Everything wrong with the answers, in the order of the form.</summary>
    public IReadOnlyList<AnswerError> Errors()
    {
        var errors = new List<AnswerError>();
        foreach (var question in Form.AllQuestions)
        {
            var instances = question.Repeat is { } repeat ? Instances(repeat) : 1;
            for (var i = 0; i < instances; i++)
            {
                if (Check(question, i) is { } error)
                {
                    errors.Add(error);
                }
            }
        }

        return errors;
    }

    /// <summary>The relevant answers and calculations, keyed as <see cref="FormAnswers.Key"/>: what a submission keeps.</summary>
    public IReadOnlyDictionary<string, string> Submission()
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in Form.AllQuestions.Where(q => q.Type is not (QuestionType.Note or QuestionType.Metadata or QuestionType.Skipped)))
        {
            var instances = question.Repeat is { } repeat ? Instances(repeat) : 1;
            for (var i = 0; i < instances; i++)
            {
                if (IsRelevant(question, i) && Value(question, i) is { Length: > 0 } value)
                {
                    kept[FormAnswers.Key(question, i)] = value;
                }
            }
        }

        return kept;
    }

    public FormScore Score()
    {
        var sections = new List<SectionScore>();
        double points = 0, maximum = 0;
        foreach (var top in Form.Items)
        {
            var (p, m) = top is FormGroup g ? XlsFormLoader.Flatten(g.Children).OfType<FormQuestion>().Select(ScoreOf).Aggregate((0.0, 0.0), Add) : ScoreOf((FormQuestion)top);
            if (top is FormGroup group && m > 0)
            {
                sections.Add(new(group.Name, group.Label.In(Language), p, m));
            }

            points += p;
            maximum += m;
        }

        return new(points, maximum, sections);

        static (double, double) Add((double, double) a, (double, double) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2);
    }

    /// <summary>A scored select counts once it is answered, so a question skipped by the form's logic does not lower the score.</summary>
    private (double Points, double Maximum) ScoreOf(FormQuestion question)
    {
        if (question.ListName is null || question.Repeat is not null || !Form.Choices.TryGetValue(question.ListName, out var list) || !list.Any(c => c.Score is not null)
            || Value(question) is not { Length: > 0 } value)
        {
            return (0, 0);
        }

        var chosen = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var offered = ChoicesFor(question);
        var points = offered.Where(c => chosen.Contains(c.Name)).Sum(c => c.Score ?? 0);
        var maximum = question.Type == QuestionType.SelectMultiple ? offered.Sum(c => Math.Max(c.Score ?? 0, 0)) : offered.Max(c => c.Score ?? 0);
        return (points, maximum);
    }

    private AnswerError? Check(FormQuestion question, int instance)
    {
        if (!question.IsAsked || question.Type == QuestionType.Note || question.ReadOnly || question.Calculation is not null || !IsRelevant(question, instance))
        {
            return null;
        }

        var value = Value(question, instance);
        var context = new Context(this, question, instance, null);
        if (value.Length == 0)
        {
            return question.Required is not null && question.Required.Evaluate(context).AsBoolean()
                ? new(question, instance, AnswerProblem.Required, Message(question.RequiredMessage)) : null;
        }

        var typeProblem = question.Type switch
        {
            QuestionType.SelectOne when !ChoicesFor(question, instance).Any(c => c.Name == value) => AnswerProblem.NotAChoice,
            QuestionType.SelectMultiple when value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Except(ChoicesFor(question, instance).Select(c => c.Name)).Any() => AnswerProblem.NotAChoice,
            _ => AnswerFormat.Problem(question.Type, value),
        };
        if (typeProblem is { } problem)
        {
            return new(question, instance, problem, null);
        }

        return question.Constraint is not null && !question.Constraint.Evaluate(context).AsBoolean()
            ? new(question, instance, AnswerProblem.Constraint, Message(question.ConstraintMessage)) : null;
    }

    private string? Message(Translated text) => text.IsEmpty ? null : text.In(Language);

    /// <summary>A value as it is kept: NaN and infinities (a blank in a sum, a division by zero) are kept as no answer.</summary>
    private static string Stored(XPathValue value) => value.IsNumber && !double.IsFinite(value.AsNumber()) ? "" : value.AsString();

    /// <summary>Items outside any repeat have one instance, 0.</summary>
    private static int InstanceOf(FormItem item, int instance) => item.Repeat is not null || item is FormGroup { IsRepeat: true } ? instance : 0;

    private static readonly Choice Other = new("other", new Translated(new Dictionary<string, string> { [""] = "Other" }), new Dictionary<string, string>(), null);

    /// <summary>Where an expression is evaluated: an item (none for a top-level repeat's repeat_count) and its repeat instance.</summary>
    private sealed class Context(FormEvaluation evaluation, FormItem? item, int instance, Choice? choice) : IExpressionContext
    {
        private FormGroup? Here => item is FormGroup { IsRepeat: true } g ? g : item?.Repeat;

        public int Position => Here is null ? 1 : instance + 1;

        public XPathValue Stored => item is FormQuestion q ? XPathValue.Of(evaluation.Answers.Get(q, instance)?.Trim() ?? "") : XPathValue.Empty;

        public string ChoiceLabel(string question, string value) =>
            evaluation.Form.Questions.TryGetValue(question, out var q) && q.ListName is not null && evaluation.Form.Choices.TryGetValue(q.ListName, out var list)
            && list.FirstOrDefault(c => c.Name == value) is { } chosen ? chosen.Label.In(evaluation.Language) : "";

        public XPathValue Nodes(string name) =>
            evaluation.Form.Questions.TryGetValue(name, out var target) && target.Repeat is { } repeat
                ? XPathValue.Of(Enumerable.Range(0, evaluation.Instances(repeat)).Select(i => evaluation.Value(target, i)).ToList())
                : Reference(name);

        public DateOnly Today => evaluation.Today;

        public DateTimeOffset Now => evaluation.Now;

        public XPathValue Current => item is FormQuestion q ? XPathValue.Of(evaluation.Value(q, instance)) : XPathValue.Empty;

        /// <summary>Inside the same repeat a reference reads the same instance; from elsewhere, every instance's answer.</summary>
        public XPathValue Reference(string name)
        {
            if (!evaluation.Form.Questions.TryGetValue(name, out var target))
            {
                // A repeat itself (count(${roster})): one node per instance, each with no text of its own.
                return evaluation.Form.Repeats.TryGetValue(name, out var roster) ? XPathValue.Of(Enumerable.Repeat("", evaluation.Instances(roster)).ToList()) : XPathValue.Empty;
            }

            if (target.Repeat is null)
            {
                return XPathValue.Of(evaluation.Value(target));
            }

            if (target.Repeat == Here)
            {
                return XPathValue.Of(evaluation.Value(target, instance));
            }

            return XPathValue.Of(Enumerable.Range(0, evaluation.Instances(target.Repeat)).Select(i => evaluation.Value(target, i)).ToList());
        }

        public XPathValue ChoiceColumn(string name) =>
            choice is null ? XPathValue.Empty : XPathValue.Of(name == "name" ? choice.Name : choice.Columns.GetValueOrDefault(name) ?? "");
    }
}
