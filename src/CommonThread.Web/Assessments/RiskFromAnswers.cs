using System.Text.Json;
using CommonThread.XlsForm.Filling;

namespace CommonThread.Web.Assessments;

/// <summary>An answer that points to a human-rights risk: the issue the form names and the question, in the language it was answered in.</summary>
public sealed record RiskSignal(string Issue, string Question, string Label);

/// <summary>
/// Reads the answers of a submitted questionnaire that the form says point to a risk. A question says so in two
/// extra columns of the survey sheet (other tools pass over them, as over "foa"): "risk" names the issue
/// ("ForcedLabour", "forced_labour") and "risk_if" the choices that point to it, separated by spaces ("yes", or
/// "no permission"). For a select_multiple, any of its choices picked counts. A question not relevant to the answers
/// given has no value and points to nothing. Which issues exist is the register's business: the name is kept as written.
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

    /// <summary>What the response keeps: null when no answer points to a risk.</summary>
    public static string? Stored(IReadOnlyList<RiskSignal> signals) => signals.Count == 0 ? null : JsonSerializer.Serialize(signals, Json);

    public static IReadOnlyList<RiskSignal> Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : JsonSerializer.Deserialize<List<RiskSignal>>(stored, Json) ?? [];

    private static HashSet<string> Choices(string value) =>
        value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
