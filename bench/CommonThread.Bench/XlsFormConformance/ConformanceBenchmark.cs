using System.Diagnostics;
using CommonThread.XlsForm.Conformance;

namespace CommonThread.Bench.XlsFormConformance;

/// <summary>
/// Issue 19's measure: the expression conformance table (tests/CommonThread.XlsForm.Tests/Conformance/expressions.tsv)
/// evaluated row by row, the pass rate printed by category, failing rows listed. The runner is the test suite's own
/// file, linked into this project, so the figure is the one CI checks.
/// </summary>
public static class ConformanceBenchmark
{
    public static Task<int> RunAsync(BenchOptions options)
    {
        var path = options.Text("table") ?? FindTable();
        var clock = Stopwatch.StartNew();
        var results = ConformanceTable.Read(path).Select(ConformanceTable.Run).ToList();
        Console.WriteLine($"xlsform conformance: {results.Count} expression rows from {path} in {clock.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var line in ConformanceTable.Summary(results))
        {
            Console.WriteLine("  " + line);
        }

        foreach (var failure in results.Where(r => !r.Passed))
        {
            Console.WriteLine($"  FAIL line {failure.Row.Line} [{failure.Row.Category}] {failure.Row.Expression}: expected '{failure.Row.Expected}', got '{failure.Actual}'");
        }

        FormCorpusBenchmark.Run(options.Text("forms") ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path))!)!, "CommonThread.Tests", "Assessments", "Forms"));

        return Task.FromResult(0);
    }

    /// <summary>The table beside the tests, found from the working directory upwards (the repository root or any folder in it).</summary>
    private static string FindTable()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "CommonThread.XlsForm.Tests", "Conformance", "expressions.tsv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("expressions.tsv not found: run from the repository, or pass --table PATH.");
    }
}
