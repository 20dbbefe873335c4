namespace CommonThread.Web.Assessments;

/// <summary>
/// Answers posted by a server-rendered XLSForm (<c>FormItemsView</c>): "a.key" fields, "present"
/// naming every question shown (so a cleared choice reads as cleared), "r.repeat" counts, "language".
/// </summary>
public sealed record PostedAnswers(Dictionary<string, string> Values, Dictionary<string, int> RepeatCounts, string Language)
{
    public static PostedAnswers Read(IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in form["present"])
        {
            if (!string.IsNullOrEmpty(key))
            {
                values[key] = "";
            }
        }

        foreach (var field in form.Where(f => f.Key.StartsWith("a.", StringComparison.Ordinal)))
        {
            values[field.Key[2..]] = string.Join(' ', field.Value.Where(v => !string.IsNullOrEmpty(v)));
        }

        var repeats = form.Where(f => f.Key.StartsWith("r.", StringComparison.Ordinal))
            .Select(f => (Name: f.Key[2..], Ok: int.TryParse(f.Value, out var n), Count: n)).Where(r => r.Ok).ToDictionary(r => r.Name, r => r.Count);
        return new PostedAnswers(values, repeats, form["language"].ToString());
    }
}
