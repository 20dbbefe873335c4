using System.Diagnostics;
using CommonThread.Web.Assessments;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Bench.XlsFormConformance;

/// <summary>
/// The forms half of issue 19's measure: every file of the corpus (tests/CommonThread.Tests/Assessments/Forms, listed in its
/// manifest) read as an upload is, and whether it loads with the adaptations expected or is refused at the cell expected, by
/// the program that saved it. Only the LibreOffice files were saved by that program; the others are shaped like its output.
/// </summary>
public static class FormCorpusBenchmark
{
    public static void Run(string folder)
    {
        var entries = Csv.Read(File.ReadAllText(Path.Combine(folder, "manifest.csv"))).Skip(1).Where(r => r.Length >= 8).ToList();
        var clock = Stopwatch.StartNew();
        var results = entries.Select(e => (Program: e[1], Expected: e[2], Behaves: Behaves(folder, e))).ToList();
        Console.WriteLine($"xlsform corpus: {results.Count} forms from {folder} read in {clock.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var program in results.GroupBy(r => r.Program).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var toLoad = program.Where(r => r.Expected != "refused").ToList();
            var toRefuse = program.Where(r => r.Expected == "refused").ToList();
            Console.WriteLine($"  {program.Key,-34} load {toLoad.Count(r => r.Behaves),3}/{toLoad.Count,-3}  refused where expected {toRefuse.Count(r => r.Behaves),3}/{toRefuse.Count,-3}");
        }

        Console.WriteLine($"  {"all",-34} {100.0 * results.Count(r => r.Behaves) / Math.Max(1, results.Count),5:F1} % as expected");
    }

    private static bool Behaves(string folder, string[] entry)
    {
        var (file, expected, adaptations, field, words) = (entry[0], entry[2], entry[3], $"{entry[4]}[{entry[5]}].{entry[6]}", entry[7]);
        try
        {
            var form = XlsFormFile.Load(file, File.ReadAllBytes(Path.Combine(folder, "files", file)));
            return expected != "refused" && form.Adaptations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) == adaptations;
        }
        catch (RuleViolation refusal)
        {
            return expected == "refused" && refusal.Errors.TryGetValue(field, out var messages) && messages.Any(m => m.Contains(words, StringComparison.Ordinal));
        }
    }
}
