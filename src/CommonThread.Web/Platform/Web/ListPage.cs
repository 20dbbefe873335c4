namespace CommonThread.Web.Platform.Web;

/// <summary>
/// One page of a list page's rows: 50 at most, so a page never renders more however long the filtered list
/// is. The page number comes from the address and is clamped, so a typed "page=0" or "page=99999" shows the
/// first or an empty page rather than an error.
/// </summary>
public static class ListPage
{
    public const int Size = 50;

    public static int Number(int? page) => Math.Clamp(page ?? 1, 1, 100_000);

    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> rows, int? page) => rows.Skip((Number(page) - 1) * Size).Take(Size).ToList();

    /// <summary>"?a=1&amp;b=2" from the given values, leaving out the empty ones: an export link carrying a list's filter.</summary>
    public static string Query(params (string Name, string? Value)[] values) =>
        QueryString.Create(values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Value ?? "";
}
