using System.Diagnostics;
using CommonThread.Web.Assessments;
using CommonThread.Web.Platform.Files;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;

namespace CommonThread.Bench.Assessments;

/// <summary>
/// Issue 6's figures: one full evaluation pass of a 300-question form with 100 relevance and
/// constraint expressions (relevance, calculations, every check, the submission and the score);
/// reading and checking a 2,000-row XLSForm workbook; writing 50,000 responses to the
/// starter questionnaire as a KoboToolbox-layout XLSX.
/// </summary>
public static class AssessmentBenchmark
{
    public static Task<int> RunAsync(BenchOptions options)
    {
        var passes = options.Int("passes", 5000);
        var importRows = options.Int("import-rows", 2000);
        var responses = options.Int("responses", 50_000);
        Console.WriteLine($"assessment benchmark: {passes:N0} evaluation passes, a {importRows:N0}-row form, {responses:N0} responses; {Environment.ProcessorCount} cores");
        Evaluation(passes);
        Import(importRows);
        Export(responses);
        return Task.FromResult(0);
    }

    private static void Evaluation(int passes)
    {
        var form = Load(SyntheticForm(300));
        var expressions = form.AllQuestions.Sum(q => (q.Relevant is null ? 0 : 1) + (q.Constraint is null ? 0 : 1));
        var answers = new FormAnswers();
        foreach (var q in form.AllQuestions.Where(q => q.Calculation is null))
        {
            answers.Set(q, q.Type == QuestionType.SelectOne ? "yes" : q.Type == QuestionType.Text ? "some text" : "42");
        }

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var check = FormEvaluation.Of(form, answers, today);
        Console.WriteLine($"  form: {form.AllQuestions.Count()} questions ({form.AllQuestions.Count(q => q.Calculation is not null)} calculated), {expressions} relevance/constraint expressions; a pass finds {check.Errors().Count} errors, keeps {check.Submission().Count} answers");
        for (var i = 0; i < 500; i++)
        {
            Pass();
        }

        var times = new double[passes];
        for (var i = 0; i < passes; i++)
        {
            var clock = Stopwatch.StartNew();
            Pass();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine($"  evaluation pass        mean {times.Average(),6:F3} ms   p50 {times[passes / 2],6:F3} ms   p95 {times[(int)(passes * 0.95)],6:F3} ms   (target ≤ 2 ms)");

        void Pass()
        {
            var evaluation = FormEvaluation.Of(form, answers, today);
            _ = evaluation.Errors();
            _ = evaluation.Submission();
            _ = evaluation.Score();
        }
    }

    private static void Import(int rows)
    {
        var survey = SyntheticForm(rows);
        var bytes = Xlsx.WriteSheets([
            new("survey", survey[0], survey.Skip(1).Select(r => r.Cast<object?>())),
            new("choices", ["list_name", "name", "label::English (en)", "label::Khmer (km)", "score"], [["yn", "yes", "Yes", "បាទ", 1], ["yn", "no", "No", "ទេ", 0]]),
            new("settings", ["form_title", "form_id", "version"], [["Synthetic", "synthetic", "1"]]),
        ]);
        var times = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var clock = Stopwatch.StartNew();
            var form = XlsFormFile.Load("synthetic.xlsx", bytes);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (form.AllQuestions.Count() < rows * 0.9)
            {
                throw new InvalidOperationException("the synthetic form lost questions");
            }
        }

        times.Sort();
        Console.WriteLine($"  import {rows:N0}-row XLSForm  first {times.Max(),6:F0} ms   median of 6 {times[3],6:F0} ms   ({bytes.Length / 1024:N0} KB; target ≤ 1,000 ms)");
    }

    private static void Export(int count)
    {
        var form = XlsFormFile.Load("starter.csv", QuestionnaireLibrary.StarterFile(QuestionnaireLibrary.Starters[0].FileName));
        var random = new Random(2026);
        var responses = Enumerable.Range(0, count).Select(i =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var q in form.AllQuestions.Where(q => q.Type is not (QuestionType.Note or QuestionType.Metadata)))
            {
                values[q.Name] = q.Type switch
                {
                    QuestionType.Integer => random.Next(0, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    QuestionType.SelectOne or QuestionType.SelectMultiple => form.Choices[q.ListName!][random.Next(form.Choices[q.ListName!].Count)].Name,
                    QuestionType.Date => "2026-05-01",
                    _ => "Answer text " + i,
                };
            }

            return new ExportedResponse(Guid.CreateVersion7(), $"Facility {i}", $"Supplier {i % 5000}", DateTimeOffset.UnixEpoch.AddDays(20000 + i % 300), random.Next(100), new FormAnswers { Values = values });
        }).ToList();
        var clock = Stopwatch.StartNew();
        var bytes = Xlsx.WriteSheets(ResponseExport.Sheets(form, responses));
        var seconds = clock.Elapsed.TotalSeconds;
        var path = Path.Combine(Path.GetTempPath(), "commonthread-bench-responses.xlsx");
        File.WriteAllBytes(path, bytes);
        var readBack = Xlsx.Read(bytes, count + 10).Count - 1;
        Console.WriteLine($"  export {count:N0} responses   {seconds,6:F1} s   ({bytes.Length / 1024 / 1024:N1} MB, {readBack:N0} rows read back from {path}; target ≤ 30 s)");
    }

    /// <summary>
    /// A form of <paramref name="questions"/> rows in groups of 30: per group a yes/no gate, integers
    /// constrained against the first answer, questions shown only when the gate is yes, a calculation.
    /// One row in three carries a relevance or a constraint (100 in a 300-row form).
    /// </summary>
    private static List<string[]> SyntheticForm(int questions)
    {
        var rows = new List<string[]> { new[] { "type", "name", "label::English (en)", "label::Khmer (km)", "relevant", "constraint", "constraint_message", "calculation", "required" } };
        var made = 0;
        for (var g = 0; made < questions; g++)
        {
            rows.Add(["begin group", $"g{g}", $"Section {g}", $"ផ្នែក {g}", "", "", "", "", ""]);
            rows.Add(["select_one yn", $"gate{g}", "Does it apply?", "វាអនុវត្តទេ?", "", "", "", "", "yes"]);
            made++;
            for (var i = 1; i < 30 && made < questions; i++, made++)
            {
                var name = $"q{g}_{i}";
                rows.Add(i switch
                {
                    _ when i % 6 == 3 => ["integer", name, $"How many {i}?", $"ប៉ុន្មាន {i}?", $"${{gate{g}}} = 'yes'", "", "", "", ""],
                    _ when i % 6 == 1 => ["integer", name, $"Count {i}", $"ចំនួន {i}", "", $". >= 0 and . <= 1000 and regex(string(.), '^[0-9]+$')", "Between 0 and 1000", "", "yes"],
                    _ when i % 10 == 5 => ["calculate", name, "", "", "", "", "", $"${{q{g}_1}} + ${{q{g}_3}}", ""],
                    _ when i % 2 == 0 => ["select_one yn", name, $"Is {i} so?", $"{i} ដូច្នេះទេ?", "", "", "", "", ""],
                    _ => ["text", name, $"Describe {i}", $"ពិពណ៌នា {i}", "", "", "", "", ""],
                });
            }

            rows.Add(["end group", "", "", "", "", "", "", "", ""]);
        }

        return rows;
    }

    private static XlsFormDefinition Load(List<string[]> survey)
    {
        var load = XlsFormLoader.Load(XlsFormSheets.FromRows(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["survey"] = survey,
            ["choices"] = new List<IReadOnlyList<string>> { new[] { "list_name", "name", "label", "score" }, new[] { "yn", "yes", "Yes", "1" }, new[] { "yn", "no", "No", "0" } },
        }));
        return load.Form ?? throw new InvalidOperationException(string.Join("\n", load.Problems));
    }
}
