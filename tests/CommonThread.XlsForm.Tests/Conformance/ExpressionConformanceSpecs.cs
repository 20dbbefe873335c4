using CommonThread.XlsForm.Conformance;

namespace CommonThread.XlsForm.Tests.Conformance;

/// <summary>
/// The expression conformance table (expressions.tsv, written from the XPath 1.0 recommendation, the ODK XForms
/// specification and the XLSForm documentation) evaluates as the specifications say: at least 98 % of its rows,
/// every category reported, every failing row printed with its line.
/// </summary>
public sealed class ExpressionConformanceSpecs(ITestOutputHelper output)
{
    private static string TablePath => Path.Combine(AppContext.BaseDirectory, "Conformance", "expressions.tsv");

    [Fact]
    public void At_least_98_percent_of_the_expression_table_evaluates_as_the_specifications_say()
    {
        var rows = ConformanceTable.Read(TablePath);
        var results = rows.Select(ConformanceTable.Run).ToList();
        foreach (var failure in results.Where(r => !r.Passed))
        {
            output.WriteLine($"line {failure.Row.Line} [{failure.Row.Category}] {failure.Row.Expression}  ({failure.Row.Answers})  expected '{failure.Row.Expected}', got '{failure.Actual}'");
        }

        foreach (var line in ConformanceTable.Summary(results))
        {
            output.WriteLine(line);
        }

        Assert.True(rows.Count >= 400, $"the table has {rows.Count} rows");
        Assert.True(rows.Select(r => r.Category).Distinct().Count() >= 12, "every category is covered");
        var rate = (double)results.Count(r => r.Passed) / results.Count;
        Assert.True(rate >= 0.98, $"{rate:P1} of the rows pass");
    }
}
