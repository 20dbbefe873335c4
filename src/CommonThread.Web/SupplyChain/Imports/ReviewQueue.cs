using System.Text.Json;
using CommonThread.Data;
using CommonThread.Matching;
using CommonThread.Web.Platform.Api;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>Which pending reviews to show: rows of one import, and rows whose evidence says a given part disagrees.</summary>
public sealed record ReviewQueueFilter(Guid? ImportId = null, EvidencePart? Differs = null);

/// <summary>One page of the queue and how many pending reviews the filter matches in all.</summary>
public sealed record ReviewQueuePage(IReadOnlyList<MatchReviewDto> Reviews, int Total);

/// <summary>The rows an organisation's imports left for a person to decide, read page by page.</summary>
public sealed class ReviewQueue(AppDbContext db)
{
    private static readonly ListOrder<Guid> ById = new(id => id);

    /// <summary>
    /// A page of the pending reviews (the API's list) in id order, after <paramref name="cursor"/>: the ids are paged,
    /// and only the page's reviews are read whole.
    /// </summary>
    public async Task<ListPage<MatchReviewDto>> PendingAsync(Guid organisationId, string? cursor, int limit, CancellationToken ct)
    {
        var page = ById.Page(await Pending(organisationId, new()).Select(r => r.Id).ToListAsync(ct), cursor, limit);
        var ids = page.Items.ToList();
        var reviews = await db.Set<MatchReview>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var dtos = (await DtosAsync(reviews, ct)).ToDictionary(r => r.Id);
        return new(ids.Select(id => dtos[id]).ToList(), page.Total, page.Next);
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the pending reviews the filter matches, oldest first. The part filter reads
    /// the stored evidence in C#: it is JSON text whose parts the matcher may extend, and an organisation's pending reviews
    /// number thousands at most, so their ids and evidence are cheap to read whole.
    /// </summary>
    public async Task<ReviewQueuePage> PageAsync(Guid organisationId, ReviewQueueFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var skip = (Math.Max(1, page) - 1) * pageSize;
        var pending = Pending(organisationId, filter);
        if (filter.Differs is not { } part)
        {
            var total = await pending.CountAsync(ct);
            return new(await DtosAsync(await pending.OrderBy(r => r.Id).Skip(skip).Take(pageSize).ToListAsync(ct), ct), total);
        }

        var candidates = await pending.OrderBy(r => r.Id).Select(r => new { r.Id, r.EvidenceJson }).ToListAsync(ct);
        var matching = candidates.Where(r => Disagrees(r.EvidenceJson, part)).Select(r => r.Id).ToList();
        var ids = matching.Skip(skip).Take(pageSize).ToList();
        var reviews = await db.Set<MatchReview>().AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct);
        return new(await DtosAsync(reviews, ct), matching.Count);
    }

    /// <summary>The imports that still have rows waiting, newest first, for the filter's choice.</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName, DateTimeOffset UploadedAt)>> ImportsWithPendingAsync(Guid organisationId, CancellationToken ct)
    {
        var ids = await Pending(organisationId, new()).Select(r => r.ImportId).Distinct().ToListAsync(ct);
        var imports = await db.Set<FacilityImport>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.FileName, i.UploadedAt }).ToListAsync(ct);
        return imports.OrderByDescending(i => i.UploadedAt).Select(i => (i.Id, i.FileName, i.UploadedAt)).ToList();
    }

    /// <summary>The part speaks against the match: it differs, or agrees only in part.</summary>
    public static bool Disagrees(string? evidenceJson, EvidencePart part) =>
        ReviewEvidence.Read(evidenceJson)?.Any(e => e.Part == part && e.Verdict is Verdict.Differs or Verdict.Partly) == true;

    private IQueryable<MatchReview> Pending(Guid organisationId, ReviewQueueFilter filter)
    {
        var pending = db.Set<MatchReview>().AsNoTracking().Where(r => r.OrganisationId == organisationId && r.Status == ReviewStatus.Pending);
        return filter.ImportId is { } importId ? pending.Where(r => r.ImportId == importId) : pending;
    }

    private async Task<IReadOnlyList<MatchReviewDto>> DtosAsync(IReadOnlyList<MatchReview> reviews, CancellationToken ct)
    {
        var candidateIds = reviews.Select(r => r.CandidateFacilityId).Distinct().ToList();
        var candidates = await db.Set<Facility>().AsNoTracking().Where(f => candidateIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        return reviews.Select(r =>
        {
            var row = JsonSerializer.Deserialize<ImportRow>(r.RowJson)!;
            var c = candidates[r.CandidateFacilityId];
            return new MatchReviewDto(r.Id, r.ImportId, r.RowNumber, r.Confidence,
                new ReviewSideDto(row.Name, row.Address, row.CountryCode, row.OsId, row.WorkersTotal, row.ParentCompany),
                new ReviewSideDto(c.Name, c.Address, c.CountryCode, c.OsId, c.WorkersTotal, c.ParentCompany) { FacilityId = c.Id },
                ReviewEvidence.Read(r.EvidenceJson));
        }).ToList();
    }
}
