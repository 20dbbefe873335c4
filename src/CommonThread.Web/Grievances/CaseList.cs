using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>A case in a filtered list: its summary and the country of the facility it is about.</summary>
public sealed record CaseRow(CaseSummary Summary, string? CountryCode);

/// <summary>One page of a filtered case list and how many cases the filter finds in all.</summary>
public sealed record CasePage(IReadOnlyList<CaseRow> Rows, int Total);

/// <summary>
/// A party's case list searched, filtered, sorted and paged in the database. The filter narrows the cases
/// the organisation is a party to (and the member has not stepped back from), the same rule as
/// <see cref="CaseService.GetAsync"/>, so no search ever reaches a case the organisation does not see.
/// </summary>
public sealed class CaseList(AppDbContext db, CurrentUser me, TimeProvider clock)
{
    /// <param name="categoryWords">How the page names each category, so a search in the page's language finds it too.</param>
    public async Task<CasePage> PageAsync(OrganisationAccess access, CaseSelection selection, int page, int size, CancellationToken ct,
        Func<GrievanceCategory, string>? categoryWords = null)
    {
        var query = Filtered(access, selection, categoryWords);
        var total = await query.CountAsync(ct);
        var rows = await Ordered(query, selection.Sort, Today).Skip((Math.Max(page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return new(rows.Select(Row).ToList(), total);
    }

    /// <summary>Every case the filter finds, in its order: what the export writes.</summary>
    public async Task<IReadOnlyList<CaseRow>> AllAsync(OrganisationAccess access, CaseSelection selection, CancellationToken ct) =>
        (await Ordered(Filtered(access, selection, null), selection.Sort, Today).ToListAsync(ct)).Select(Row).ToList();

    /// <summary>The countries of the facilities the organisation's cases are about, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(OrganisationAccess access, CancellationToken ct) =>
        await Visible(access).Where(r => r.CountryCode != null).Select(r => r.CountryCode!).Distinct().ToListAsync(ct);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private sealed class Listed
    {
        public Guid Id { get; init; }
        public string Reference { get; init; } = "";
        public GrievanceCategory Category { get; init; }
        public CaseStatus Status { get; init; }
        public bool Urgent { get; init; }
        public string? FacilityName { get; init; }
        public string? CountryCode { get; init; }
        public DateOnly ReceivedOn { get; init; }
        public DateOnly AcknowledgeBy { get; init; }
        public DateOnly FeedbackBy { get; init; }
        public DateOnly? AcknowledgedOn { get; init; }
        public DateOnly? FirstFeedbackOn { get; init; }
        public PartyRole Role { get; init; }
    }

    private IQueryable<Listed> Visible(OrganisationAccess access)
    {
        var organisationId = access.Organisation.Id;
        var userId = me.UserId;
        return from p in db.Set<CaseParty>()
               join c in db.Set<GrievanceCase>() on p.CaseId equals c.Id
               join f in db.Set<Facility>() on c.FacilityId equals f.Id into facilities
               from f in facilities.DefaultIfEmpty()
               where p.OrganisationId == organisationId && !db.Set<CaseRecusal>().Any(r => r.CaseId == c.Id && r.UserId == userId)
               select new Listed
               {
                   Id = c.Id, Reference = c.Reference, Category = c.Category, Status = c.Status, Urgent = c.Urgent,
                   FacilityName = f == null ? null : f.Name, CountryCode = f == null ? null : f.CountryCode,
                   ReceivedOn = c.ReceivedOn, AcknowledgeBy = c.AcknowledgeBy, FeedbackBy = c.FeedbackBy,
                   AcknowledgedOn = c.AcknowledgedOn, FirstFeedbackOn = c.FirstFeedbackOn, Role = p.Role,
               };
    }

    private IQueryable<Listed> Filtered(OrganisationAccess access, CaseSelection s, Func<GrievanceCategory, string>? categoryWords)
    {
        var today = Today;
        var query = Visible(access).AsNoTracking();
        if (s.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (s.Open is { } open)
        {
            query = open
                ? query.Where(r => r.Status != CaseStatus.Closed && r.Status != CaseStatus.Rejected)
                : query.Where(r => r.Status == CaseStatus.Closed || r.Status == CaseStatus.Rejected);
        }

        if (s.Category is { } category)
        {
            query = query.Where(r => r.Category == category);
        }

        if (s.Country is { } country)
        {
            query = query.Where(r => r.CountryCode == country);
        }

        if (s.Urgent is { } urgent)
        {
            query = query.Where(r => r.Urgent == urgent);
        }

        // The same rule as CaseDeadlines and the summary's flags: open, and a deadline passed with nothing done.
        if (s.Overdue is { } overdue)
        {
            query = query.Where(r => (r.Status != CaseStatus.Closed && r.Status != CaseStatus.Rejected
                && ((r.AcknowledgedOn == null && r.AcknowledgeBy < today) || (r.FirstFeedbackOn == null && r.FeedbackBy < today))) == overdue);
        }

        foreach (var word in s.Words)
        {
            var upper = word.ToUpperInvariant();
            var lower = word.ToLowerInvariant();
            var categories = Enum.GetValues<GrievanceCategory>()
                .Where(c => c.ToString().Contains(word, StringComparison.OrdinalIgnoreCase) || categoryWords?.Invoke(c).Contains(word, StringComparison.CurrentCultureIgnoreCase) == true)
                .ToList();
            query = query.Where(r => r.Reference.Contains(upper) || (r.FacilityName != null && r.FacilityName.ToLower().Contains(lower)) || categories.Contains(r.Category));
        }

        return query;
    }

    // Every order ends with the reference, which is unique, so paging never shows a case twice or skips one.
    private static IQueryable<Listed> Ordered(IQueryable<Listed> query, string sort, DateOnly today) => sort switch
    {
        "newest" => query.OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.Reference),
        "oldest" => query.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference),
        // Open cases still waiting for an acknowledgement or a first reply, the soonest deadline first; the rest after them.
        "deadline" => query
            .OrderBy(r => r.Status == CaseStatus.Closed || r.Status == CaseStatus.Rejected || (r.AcknowledgedOn != null && r.FirstFeedbackOn != null) ? 1 : 0)
            .ThenBy(r => r.AcknowledgedOn == null ? r.AcknowledgeBy : r.FeedbackBy).ThenBy(r => r.Reference),
        _ => OrderedByAttention(query, today),
    };

    /// <summary>Urgent first, then overdue, then the newest: what needs acting on leads.</summary>
    private static IQueryable<Listed> OrderedByAttention(IQueryable<Listed> query, DateOnly today) =>
        query.OrderByDescending(r => r.Urgent)
            .ThenByDescending(r => r.Status != CaseStatus.Closed && r.Status != CaseStatus.Rejected
                && ((r.AcknowledgedOn == null && r.AcknowledgeBy < today) || (r.FirstFeedbackOn == null && r.FeedbackBy < today)))
            .ThenByDescending(r => r.ReceivedOn).ThenBy(r => r.Reference);

    private CaseRow Row(Listed r)
    {
        var open = r.Status is not (CaseStatus.Closed or CaseStatus.Rejected);
        return new(new(r.Id, r.Reference, r.Category, r.Status, r.Urgent, r.FacilityName, r.ReceivedOn, r.AcknowledgeBy, r.FeedbackBy,
            open && r.AcknowledgedOn is null && Today > r.AcknowledgeBy, open && r.FirstFeedbackOn is null && Today > r.FeedbackBy, r.Role), r.CountryCode);
    }
}
