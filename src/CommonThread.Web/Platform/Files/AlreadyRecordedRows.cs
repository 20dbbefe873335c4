using System.Globalization;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// The rows of an import file that were recorded before (the file uploaded again, or saved again with
/// rows added): left out rather than written twice, and named in the report. Keeps the first
/// <see cref="ProblemList.MaxKept"/> row numbers, as problems are kept, and counts them all.
/// </summary>
public sealed class AlreadyRecordedRows
{
    private const int Named = 20;
    private readonly List<int> rows = [];

    public int Count { get; private set; }

    public IReadOnlyList<int> Rows => rows;

    public void Add(int row)
    {
        Count++;
        if (rows.Count < ProblemList.MaxKept)
        {
            rows.Add(row);
        }
    }

    /// <summary>"2, 3, 5" — or the first twenty and "…" — for a sentence on a page.</summary>
    public static string Listed(IReadOnlyList<int> rows, int count) =>
        string.Join(", ", rows.Take(Named).Select(r => r.ToString(CultureInfo.InvariantCulture))) + (count > Named ? ", …" : "");
}
