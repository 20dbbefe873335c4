using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Accountability;

/// <summary>
/// What the list of invoices an organisation recorded is narrowed to and ordered by, as the payment terms page's form
/// and the export's query string give it (text, so a bad value is a field-level problem, not a binding failure).
/// </summary>
public sealed record PaymentQuery
{
    /// <summary>Words in the invoice or order number, the brand or the supplier.</summary>
    public string? Q { get; init; }

    /// <summary>unpaid, overdue (unpaid past its due date), paid-on-time or paid-late.</summary>
    public string? Status { get; init; }

    /// <summary>Invoices dated on or after / on or before (yyyy-MM-dd).</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>newest (by invoice date, the default), due (the earliest due date first), amount (the largest first) or days (the longest to pay first).</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Statuses = ["unpaid", "overdue", "paid-on-time", "paid-late"];

    public static readonly IReadOnlyList<string> Sorts = ["newest", "due", "amount", "days"];

    public bool IsEmpty => new[] { Q, Status, From, To }.All(string.IsNullOrWhiteSpace);

    /// <summary>The invoices kept and ordered; throws a field-level RuleViolation for a value that is not one.</summary>
    public IReadOnlyList<PaymentDto> Apply(IEnumerable<PaymentDto> rows)
    {
        var filter = new ListFilter();
        var status = filter.Choice(Status, "status", Statuses);
        var from = filter.Date(From, "from");
        var to = filter.Date(To, "to");
        var sort = filter.Choice(Sort, "sort", Sorts, "newest");
        filter.ThrowIfAny();
        var words = ListFilter.Words(Q);
        var kept = rows.Where(p => (from is null || p.InvoiceDate >= from) && (to is null || p.InvoiceDate <= to) && Is(p, status)
            && ListFilter.Matches(words, p.InvoiceReference, p.OrderReference, p.Brand, p.Supplier));
        return (sort switch
        {
            "due" => kept.OrderBy(p => p.DueDate),
            "amount" => kept.OrderByDescending(p => p.Amount).ThenBy(p => p.Currency, StringComparer.Ordinal),
            // Unpaid invoices have no days to pay yet: after every paid one.
            "days" => kept.OrderByDescending(p => p.DaysToPay ?? int.MinValue),
            _ => kept.OrderByDescending(p => p.InvoiceDate),
        }).ThenBy(p => p.InvoiceReference, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
    }

    private static bool Is(PaymentDto p, string? status) => status switch
    {
        "unpaid" => p.PaidDate is null,
        "overdue" => p.PaidDate is null && p.Late,
        "paid-on-time" => p.PaidDate is not null && !p.Late,
        "paid-late" => p.PaidDate is not null && p.Late,
        _ => true,
    };

    /// <summary>The filter as a query string for the export link.</summary>
    public string ToQueryString() => ListPage.Query(("q", Q), ("status", Status), ("from", From), ("to", To), ("sort", Sort));
}
