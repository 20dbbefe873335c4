namespace CommonThread.Tests.Infrastructure;

/// <summary>Reading what a list page and its export show: the lines of a CSV, the body rows of a table.</summary>
public static class ListPages
{
    public static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The body rows of the table with this id.</summary>
    public static int Rows(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return body.Split("<tr").Length - 2;
    }
}
