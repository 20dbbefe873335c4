using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// A facility list narrowed and ordered as asked, done on the rows the organisation may see (so no filter
/// ever reaches past its rights). Portfolios of tens of thousands of facilities are filtered here in
/// memory: the rights and the FoA picture are already computed per request, and filtering them again in
/// SQL would mean repeating the visibility rules in a second place.
/// </summary>
public sealed class FacilityListing
{
    private readonly List<FoaSummaryRow> rows;
    private readonly IComparer<FoaSummaryRow> order;

    public FacilityListing(IEnumerable<FoaSummaryRow> visible, FacilitySelection selection)
    {
        order = Order(selection.Sort);
        rows = visible.Where(r => Keeps(r, selection)).ToList();
        rows.Sort(order);
    }

    public int Total => rows.Count;

    public IReadOnlyList<FoaSummaryRow> All => rows;

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="size"/> rows, for the page's pager.</summary>
    public IReadOnlyList<FoaSummaryRow> Page(int page, int size) => rows.Skip((Math.Max(page, 1) - 1) * size).Take(size).ToList();

    /// <summary>Up to <paramref name="limit"/> rows after the one the cursor names (from the start without one), and the cursor for the rest.</summary>
    public (IReadOnlyList<FoaSummaryRow> Rows, string? Next) After(string? cursor, int limit)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            var v = ListPaging.Read(cursor, 5);
            var probe = new FoaSummaryRow(Guid.TryParse(v[0], out var id) ? id : Guid.Empty, v[1] ?? "", "", v[2] ?? "", null,
                int.TryParse(v[3], out var tier) ? tier : null, false, false, false, false, null, null, int.TryParse(v[4], out var workers) ? workers : null, null, null);
            // The row itself may have left the list since: the search then lands where it would have been.
            var at = rows.BinarySearch(probe, order);
            start = at >= 0 ? at + 1 : ~at;
        }

        var page = rows.Skip(start).Take(limit).ToList();
        var last = page.LastOrDefault();
        var next = start + page.Count < rows.Count && last is not null
            ? ListPaging.Cursor(last.FacilityId.ToString(), last.Name, last.CountryCode, last.Tier?.ToString(), last.WorkersTotal?.ToString())
            : null;
        return (page, next);
    }

    private static bool Keeps(FoaSummaryRow r, FacilitySelection s) =>
        (s.Country is null || r.CountryCode == s.Country)
        && (s.Tier is null || (r.Tier == s.Tier && !r.Operated))
        && (!s.RunsIt || r.Operated)
        && (s.Union is null || r.HasUnion == s.Union)
        && (s.Committee is null || r.HasWorkerCommittee == s.Committee)
        && (s.Cba is null || r.HasCollectiveAgreement == s.Cba)
        && (s.Claimed is null || r.Confirmed != s.Claimed)
        && s.Words.All(w => Contains(r.Name, w) || Contains(r.Address, w) || Contains(r.OsId, w));

    private static bool Contains(string? text, string word) => text?.Contains(word, StringComparison.CurrentCultureIgnoreCase) == true;

    // Every order ends with the id, so a cursor names one place in it.
    private static IComparer<FoaSummaryRow> Order(string sort) => Comparer<FoaSummaryRow>.Create(sort switch
    {
        "name" => (a, b) => Then(Text(a.Name, b.Name), a, b),
        "tier" => (a, b) => Then(Compare(a.Tier ?? 0, b.Tier ?? 0), a, b, Text(a.Name, b.Name)),
        "workers" => (a, b) => Then(Compare(b.WorkersTotal ?? -1, a.WorkersTotal ?? -1), a, b, Text(a.Name, b.Name)),
        _ => (a, b) => Then(Text(a.CountryCode, b.CountryCode), a, b, Text(a.Name, b.Name)),
    });

    private static int Then(int first, FoaSummaryRow a, FoaSummaryRow b, int second = 0) =>
        first != 0 ? first : second != 0 ? second : a.FacilityId.CompareTo(b.FacilityId);

    private static int Compare(int a, int b) => a.CompareTo(b);

    private static int Text(string a, string b) => StringComparer.OrdinalIgnoreCase.Compare(a, b);
}
