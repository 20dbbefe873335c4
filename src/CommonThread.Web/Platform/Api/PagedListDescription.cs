namespace CommonThread.Web.Platform.Api;

public static class PagedListDescription
{
    /// <summary>Documents a list paged with <see cref="ListWindow"/>: its order, then how to page it.</summary>
    public static RouteHandlerBuilder Paged(this RouteHandlerBuilder endpoint, string order, string? more = null) =>
        endpoint.WithDescription((more is null ? "" : more + " ") + order
            + "; paged by limit (1–" + ListPaging.MaxLimit + ", default " + ListPaging.DefaultLimit + ") and cursor: the total is in X-Total-Count and the next page in the Link header.");
}
