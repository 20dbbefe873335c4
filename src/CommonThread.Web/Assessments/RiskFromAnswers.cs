using System.Text.Json;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.Platform.Text;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;

namespace CommonThread.Web.Assessments;

/// <summary>An answer that points to a human-rights risk: the issue the form names and the question, in the language it was answered in.</summary>
public sealed record RiskSignal(string Issue, string Question, string Label);

/// <summary>
/// Reads the answers of a submitted questionnaire that the form says point to a risk. A question says so in two
/// extra columns of the survey sheet (other tools pass over them, as over "foa"): "risk" names the issue
/// ("ForcedLabour", "forced_labour") and "risk_if" the choices that point to it, separated by spaces ("yes", or
/// "no permission"). For a select_multiple, any of its choices picked counts. A question not relevant to the answers
/// given has no value and points to nothing. The name is kept as written; a form is checked when it is uploaded, so a
/// misspelt issue or choice is refused then rather than never pointing to anything.
/// </summary>
public static class RiskFromAnswers
{
    public const string IssueColumn = "risk";
    public const string AnswersColumn = "risk_if";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RiskSignal> Signals(FormEvaluation evaluation, string language) =>
        evaluation.Form.AllQuestions
            .Where(q => q.Repeat is null && q.Columns.GetValueOrDefault(IssueColumn) is { Length: > 0 } && q.Columns.GetValueOrDefault(AnswersColumn) is { Length: > 0 })
            .Where(q => Choices(q.Columns[AnswersColumn]).Overlaps(Choices(evaluation.Value(q))))
            .Select(q => new RiskSignal(q.Columns[IssueColumn].Trim(), q.Name, q.Label.In(language)))
            .ToList();

    /// <summary>
    /// The marks an uploaded form that uses "risk_if" gets wrong, keyed as the loader keys its problems ("survey[12].risk"): an issue the
    /// register does not know, one column without the other, a mark in a repeat (answered many times, so it cannot speak
    /// for the facility once), and for a select question a choice it does not offer.
    /// </summary>
    public static Dictionary<string, string[]> Problems(XlsFormDefinition form)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // A form with no "risk_if" anywhere marks no risks: a "risk" column alone is another tool's or author's
        // (a rating, a note), passed over like any column this platform does not use.
        if (!form.AllQuestions.Any(q => q.Columns.ContainsKey(AnswersColumn)))
        {
            return problems;
        }

        foreach (var question in form.AllQuestions)
        {
            var issue = question.Columns.GetValueOrDefault(IssueColumn)?.Trim() ?? "";
            var answers = question.Columns.GetValueOrDefault(AnswersColumn)?.Trim() ?? "";
            if (issue.Length == 0 && answers.Length == 0)
            {
                continue;
            }

            string At(string column) => $"survey[{question.Row}].{column}";
            if (issue.Length == 0)
            {
                problems[At(IssueColumn)] = ["Name the issue the marked answers point to."];
            }
            else if (TextInput.EnumNamed<HumanRightsIssue>(issue) is null)
            {
                problems[At(IssueColumn)] = ["This is not an issue of the register."];
            }

            if (answers.Length == 0)
            {
                problems[At(AnswersColumn)] = ["Name the answers that point to the issue."];
            }
            else if (question.Repeat is not null)
            {
                problems[At(AnswersColumn)] = ["A question in a repeat cannot mark a risk: it is answered more than once."];
            }
            else if (question.Type is QuestionType.SelectOne or QuestionType.SelectMultiple && question.ListName is { } list
                && form.Choices.GetValueOrDefault(list) is { } offered
                && !Choices(answers).IsSubsetOf(offered.Select(c => c.Name).Concat(question.OrOther ? ["other"] : []).ToHashSet(StringComparer.OrdinalIgnoreCase)))
            {
                problems[At(AnswersColumn)] = ["Name only choices the question offers."];
            }
        }

        return problems;
    }

    /// <summary>What the response keeps: null when no answer points to a risk.</summary>
    public static string? Stored(IReadOnlyList<RiskSignal> signals) => signals.Count == 0 ? null : JsonSerializer.Serialize(signals, Json);

    public static IReadOnlyList<RiskSignal> Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : JsonSerializer.Deserialize<List<RiskSignal>>(stored, Json) ?? [];

    private static HashSet<string> Choices(string value) =>
        value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
