namespace CommonThread.Web.Platform.Api;

/// <summary>
/// The <c>?limit=</c> and <c>?cursor=</c> of a list request (bound with <c>[AsParameters]</c>), and the answer:
/// the page as the body, its total and next page in the headers (see <see cref="ListPaging"/>).
/// </summary>
public sealed record ListWindow(string? Limit, string? Cursor)
{
    /// <summary>How many items a page holds: the limit asked, checked.</summary>
    public int Size => ListPaging.Limit(Limit);

    /// <summary>The page of <paramref name="items"/> (the rows the caller may see, whole) this window asks for, with the headers said.</summary>
    public List<T> Answer<T>(HttpContext http, ListOrder<T> order, IEnumerable<T> items) => Answer(http, order.Page(items, Cursor, Size));

    /// <summary>A page a service cut itself (in the database, or reading only the page's rows whole), with the headers said.</summary>
    public List<T> Answer<T>(HttpContext http, ListPage<T> page)
    {
        ListPaging.Describe(http, page.Total, page.Next);
        return [.. page.Items];
    }
}
