using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    private readonly ListOrder<FoaSummaryRow> order;

    // Each kept picture's rows in each order, sorted once: a portfolio's rows are kept between requests
    // (ChainSnapshots) and never change, so a filter only has to pick from them in order. Held no longer
    // than the picture itself.
    private static readonly ConditionalWeakTable<IReadOnlyList<FoaSummaryRow>, ConcurrentDictionary<string, FoaSummaryRow[]>> Sorted = new();

    /// <param name="visible">The organisation's rows as kept (<see cref="FoaProfileService.ListedRowsAsync"/>): never changed once made.</param>
    public FacilityListing(IReadOnlyList<FoaSummaryRow> visible, FacilitySelection selection)
    {
        order = Order(selection.Sort);
        var sorted = Sorted.GetOrCreateValue(visible).GetOrAdd(selection.Sort, _ =>
        {
            var all = visible.ToArray();
            Array.Sort(all, order);
            return all;
        });
        // A total order (every order ends with the id): the kept rows of a sorted list are the filtered list sorted.
        rows = sorted.Where(r => Keeps(r, selection)).ToList();
    }

    public int Total => rows.Count;

    public IReadOnlyList<FoaSummaryRow> All => rows;

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="size"/> rows, for the page's pager.</summary>
    public IReadOnlyList<FoaSummaryRow> Page(int page, int size) => rows.Skip((Math.Max(page, 1) - 1) * size).Take(size).ToList();

    /// <summary>Up to <paramref name="limit"/> rows after the one the cursor names (from the start without one), and the cursor for the rest.</summary>
    public ListPage<FoaSummaryRow> After(string? cursor, int limit) => order.After(rows, cursor, limit);

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

    // Every order ends with the id (ListOrder adds it), so a cursor names one place in it.
    private static ListOrder<FoaSummaryRow> Order(string sort) => sort switch
    {
        "name" => new ListOrder<FoaSummaryRow>(r => r.FacilityId).By(r => r.Name),
        "tier" => new ListOrder<FoaSummaryRow>(r => r.FacilityId).By(r => r.Tier ?? 0).By(r => r.Name),
        "workers" => new ListOrder<FoaSummaryRow>(r => r.FacilityId).By(r => r.WorkersTotal ?? -1, descending: true).By(r => r.Name),
        _ => new ListOrder<FoaSummaryRow>(r => r.FacilityId).By(r => r.CountryCode).By(r => r.Name),
    };
}
