using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Audits;

/// <summary>
/// What the corrective action plans list is narrowed to and ordered by, as the plans page's form and the
/// export's query string give it (text, so a bad value is a field-level problem, not a binding failure).
/// </summary>
public sealed record CorrectivePlanQuery
{
    /// <summary>Words in the plan's title, facility, supplier or findings.</summary>
    public string? Q { get; init; }

    /// <summary>open (items left to do) or closed (every item done).</summary>
    public string? Status { get; init; }

    /// <summary>yes: an open item is past its due date.</summary>
    public string? Overdue { get; init; }

    /// <summary>The facility's country, as an ISO code or a name.</summary>
    public string? Country { get; init; }

    /// <summary>due (the next open item's due date, the default), newest, or facility.</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Statuses = ["open", "closed"];

    public static readonly IReadOnlyList<string> Sorts = ["due", "newest", "facility"];

    public bool IsEmpty => new[] { Q, Status, Overdue, Country }.All(string.IsNullOrWhiteSpace);

    /// <summary>The plans kept and ordered; throws a field-level RuleViolation for a value that is not one.</summary>
    public IReadOnlyList<CorrectivePlanRow> Apply(IEnumerable<CorrectivePlanRow> rows)
    {
        var filter = new ListFilter();
        var status = filter.Choice(Status, "status", Statuses);
        var overdue = filter.YesNo(Overdue, "overdue");
        var country = filter.Country(Country, "country");
        var sort = filter.Choice(Sort, "sort", Sorts, "due");
        filter.ThrowIfAny();
        var words = ListFilter.Words(Q);
        var kept = rows.Where(r =>
            (status is null || (r.Summary.Open > 0) == (status == "open"))
            && (overdue is null || (r.Summary.Overdue > 0) == overdue)
            && (country is null || r.CountryCode == country)
            && ListFilter.Matches(words, [r.Summary.Title, r.Summary.Facility, r.Summary.Supplier, .. r.Findings]));
        return (sort switch
        {
            "newest" => kept.OrderByDescending(r => r.CreatedAt),
            "facility" => kept.OrderBy(r => r.Summary.Facility, StringComparer.CurrentCultureIgnoreCase).ThenByDescending(r => r.CreatedAt),
            // Closed plans (no due date) after every open one.
            _ => kept.OrderBy(r => r.NextDue ?? DateOnly.MaxValue).ThenByDescending(r => r.CreatedAt),
        }).ThenBy(r => r.Summary.Id).ToList();
    }

    /// <summary>The filter as a query string for the export link.</summary>
    public string ToQueryString() => ListPage.Query(("q", Q), ("status", Status), ("overdue", Overdue), ("country", Country), ("sort", Sort));
}
