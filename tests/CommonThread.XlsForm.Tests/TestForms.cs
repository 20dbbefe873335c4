using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Tests;

/// <summary>
/// Forms written as the sheets look, the way pyxform's own tests write them: a line with a sheet's
/// name, then its rows as cells between bars, header first (spreadsheet row 1).
/// </summary>
internal static class TestForms
{
    public static XlsFormSheets Sheets(string text)
    {
        var sheets = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
        List<IReadOnlyList<string>>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.Contains('|', StringComparison.Ordinal))
            {
                current = sheets[line] = [];
                continue;
            }

            current!.Add(line.Trim('|').Split('|').Select(c => c.Trim()).ToList());
        }

        return XlsFormSheets.FromRows(sheets.ToDictionary(s => s.Key, s => (IReadOnlyList<IReadOnlyList<string>>)s.Value));
    }

    public static XlsFormLoad Try(string text) => XlsFormLoader.Load(Sheets(text));

    public static XlsFormDefinition Load(string text)
    {
        var load = Try(text);
        Assert.True(load.Succeeded, string.Join("\n", load.Problems));
        return load.Form!;
    }

    public static readonly DateOnly Today = new(2026, 11, 23);

    public static FormEvaluation Fill(this XlsFormDefinition form, params (string Name, string Value)[] answers)
    {
        var given = new FormAnswers();
        foreach (var (name, value) in answers)
        {
            given.Values[name] = value;
        }

        return FormEvaluation.Of(form, given, Today);
    }

    public static FormEvaluation Fill(this XlsFormDefinition form, FormAnswers answers, string? language = null) => FormEvaluation.Of(form, answers, Today, language);

    public static string ValueOf(this FormEvaluation evaluation, string name, int instance = 0) => evaluation.Value(evaluation.Form.Questions[name], instance);

    public static bool Shows(this FormEvaluation evaluation, string name, int instance = 0) => evaluation.IsRelevant(evaluation.Form.Questions[name], instance);

    public static IEnumerable<string> ErrorsOn(this FormEvaluation evaluation, string name) =>
        evaluation.Errors().Where(e => e.Question.Name == name).Select(e => e.Message);
}
