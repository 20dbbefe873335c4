namespace CommonThread.Web.Platform.Api;

/// <summary>One page of an ordered list: its items, how many the whole list holds, and the cursor of the next page (none on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, string? Next);
