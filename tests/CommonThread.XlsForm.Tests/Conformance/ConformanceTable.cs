using System.Text.RegularExpressions;
using CommonThread.XlsForm.Expressions;
using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Conformance;

/// <summary>One row of expressions.tsv, with its line in the file for messages.</summary>
public sealed record ConformanceRow(int Line, string Category, string Expression, string Answers, string Expected, string Note);

public sealed record ConformanceResult(ConformanceRow Row, string Actual)
{
    public bool Passed => Actual == Row.Expected;
}

/// <summary>
/// Runs the expression conformance table: each row's answers become a small form (text questions, selects on a
/// fixed fruit list, repeats), the expression is parsed as a form's would be and evaluated where the row says,
/// and its value is compared as the text the engine stores. Shared by the test suite and the benchmark
/// (bench links this file), so both read the table the same way.
/// </summary>
public static partial class ConformanceTable
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 15, 250, TimeSpan.FromHours(7));

    public static IReadOnlyList<ConformanceRow> Read(string path) =>
        File.ReadAllLines(path).Select((line, i) => (Line: i + 1, Cells: line.Split('\t')))
            .Where(l => l.Cells.Length >= 4 && !l.Cells[0].StartsWith('#') && l.Cells[0] != "category")
            .Select(l => new ConformanceRow(l.Line, l.Cells[0], l.Cells[1], l.Cells[2], l.Cells[3], l.Cells.Length > 4 ? l.Cells[4] : ""))
            .ToList();

    public static ConformanceResult Run(ConformanceRow row)
    {
        Expression expression;
        try
        {
            expression = ExpressionParser.Parse(row.Expression);
        }
        catch (ExpressionException)
        {
            return new(row, "error");
        }

        var setup = Setup.Of(row.Answers);
        var load = XlsFormLoader.Load(setup.Sheets());
        if (load.Form is not { } form)
        {
            return new(row, "form did not load: " + string.Join("; ", load.Problems));
        }

        var answers = new FormAnswers();
        foreach (var (name, value) in setup.Plain)
        {
            answers.Values[name] = value;
        }

        foreach (var (repeat, questions) in setup.Repeats)
        {
            var count = setup.Counts.TryGetValue(repeat, out var given) ? given : questions.Max(q => q.Values.Length);
            answers.RepeatCounts[repeat] = count;
            foreach (var (question, values) in questions)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    answers.Values[$"{question}#{i + 1}"] = values[i];
                }
            }
        }

        var evaluation = FormEvaluation.Of(form, answers, Today, null, Now);
        FormItem? at = setup.At is { } place ? form.Repeats[place.Repeat] : setup.Plain.ContainsKey("self") ? form.Questions["self"] : null;
        return new(row, evaluation.Evaluate(expression, at, setup.At?.Instance ?? 0).AsString());
    }

    /// <summary>Pass rate by category, then overall, as lines to print.</summary>
    public static IEnumerable<string> Summary(IReadOnlyList<ConformanceResult> results) =>
        results.GroupBy(r => r.Row.Category).Select(g => Line(g.Key, g.ToList())).Append(Line("overall", results));

    private static string Line(string name, IReadOnlyCollection<ConformanceResult> results) =>
        $"{name,-12} {results.Count(r => r.Passed),4}/{results.Count,-4} {100.0 * results.Count(r => r.Passed) / results.Count,6:F1} %";

    /// <summary>The answers column read: name=value, name:type=value, r.q=a|b|, r#=N, .=value, @=r#N, separated by ';' before the next name=.</summary>
    private sealed class Setup
    {
        public Dictionary<string, string> Plain { get; } = [];

        public Dictionary<string, string> Types { get; } = [];

        public Dictionary<string, List<(string Question, string[] Values)>> Repeats { get; } = [];

        public Dictionary<string, int> Counts { get; } = [];

        public (string Repeat, int Instance)? At { get; private set; }

        public static Setup Of(string text)
        {
            var setup = new Setup();
            foreach (var part in AnswerSeparator().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var (key, value) = (part[..equals].Trim(), part[(equals + 1)..].Trim());
                if (key == "@")
                {
                    var hash = value.IndexOf('#', StringComparison.Ordinal);
                    setup.At = (value[..hash], int.Parse(value[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1);
                }
                else if (key == ".")
                {
                    setup.Plain["self"] = value;
                }
                else if (key.EndsWith('#'))
                {
                    setup.RepeatOf(key[..^1]);
                    setup.Counts[key[..^1]] = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (key.Contains('.', StringComparison.Ordinal))
                {
                    var dot = key.IndexOf('.', StringComparison.Ordinal);
                    setup.RepeatOf(key[..dot]).Add((key[(dot + 1)..], value.Split('|')));
                }
                else
                {
                    var colon = key.IndexOf(':', StringComparison.Ordinal);
                    var name = colon < 0 ? key : key[..colon];
                    setup.Plain[name] = value;
                    setup.Types[name] = colon < 0 ? "text" : key[(colon + 1)..] is var type && type.StartsWith("select", StringComparison.Ordinal) ? type + " fruit" : key[(colon + 1)..];
                }
            }

            return setup;
        }

        private List<(string Question, string[] Values)> RepeatOf(string name) => Repeats.TryGetValue(name, out var list) ? list : Repeats[name] = [];

        public XlsFormSheets Sheets()
        {
            var survey = new List<IReadOnlyList<string>> { new[] { "type", "name", "label" } };
            survey.AddRange(Plain.Keys.Select(name => new[] { Types.GetValueOrDefault(name, "text"), name, name }));
            foreach (var (repeat, questions) in Repeats)
            {
                survey.Add(["begin_repeat", repeat, repeat]);
                survey.AddRange(questions.Count == 0 ? [new[] { "text", repeat + "_entry", "Entry" }] : questions.Select(q => new[] { "text", q.Question, q.Question }));
                survey.Add(["end_repeat", "", ""]);
            }

            IReadOnlyList<IReadOnlyList<string>> choices =
            [
                ["list_name", "name", "label::English (en)", "label::Español (es)"],
                ["fruit", "apple", "Apple", "Manzana"],
                ["fruit", "banana", "Banana", "Plátano"],
                ["fruit", "cherry", "Cherry", "Cereza"],
            ];
            return XlsFormSheets.FromRows(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> { ["survey"] = survey, ["choices"] = choices });
        }
    }

    [GeneratedRegex(@";\s*(?=[@.A-Za-z_][A-Za-z0-9_.:#]*\s*=)")]
    private static partial Regex AnswerSeparator();
}
