using System.Text.Json;
using System.Text.Json.Serialization;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>Reviews to decide at once: <c>Confirm</c> the rows that are their candidate facility, <c>Reject</c> those that are another place.</summary>
public sealed record ReviewDecisionsInput
{
    public IReadOnlyList<Guid>? Confirm { get; init; }

    public IReadOnlyList<Guid>? Reject { get; init; }
}

public enum ReviewDecisionOutcome
{
    /// <summary>Confirmed: the row was linked to the candidate facility.</summary>
    [JsonStringEnumMemberName("linked")] Linked,

    /// <summary>Rejected: the row became a new facility.</summary>
    [JsonStringEnumMemberName("separated")] Separated,

    /// <summary>Decided before (by this request's duplicate, another person or an earlier call): nothing changed.</summary>
    [JsonStringEnumMemberName("alreadyDecided")] AlreadyDecided,

    /// <summary>No review of this organisation has this id.</summary>
    [JsonStringEnumMemberName("notFound")] NotFound,

    /// <summary>The row names an OS ID another facility has already, so it cannot be a different facility: still pending.</summary>
    [JsonStringEnumMemberName("refused")] Refused,
}

/// <summary>What became of one review of a batch; <c>FacilityId</c> is the facility the row is linked to, when it is.</summary>
public sealed record ReviewDecisionResultDto(Guid Id, ReviewDecisionOutcome Outcome, Guid? FacilityId);

/// <summary>
/// A person's decisions on the rows the matcher was unsure of. Confirm: the row is the candidate facility, so the
/// organisation is linked to it. Reject: it is another place, so it becomes a new facility. Either way the row's link
/// and FoA facts are written, each decision whole in its own save.
/// </summary>
public sealed class MatchReviewDecisions(AppDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    /// <summary>The most reviews one request decides: enough for ten pages of the queue, few enough to finish in seconds.</summary>
    public const int MaxBatch = 500;

    public async Task<MatchReviewDecisionDto> DecideAsync(OrganisationAccess access, Guid reviewId, bool sameFacility, CancellationToken ct)
    {
        var review = await db.Set<MatchReview>().FirstOrDefaultAsync(r => r.Id == reviewId && r.OrganisationId == access.Organisation.Id, ct)
            ?? throw RuleViolation.NotFound("review");
        if (review.Status != ReviewStatus.Pending)
        {
            throw RuleViolation.Conflict("status", "This row has already been decided.");
        }

        var writer = await ImportRowWriter.LoadAsync(db, access.Organisation.Id, clock.GetUtcNow(), ct);
        var facilityId = await WriteAsync(access, review, sameFacility, writer, ct);
        return new(review.Id, review.Status, facilityId);
    }

    /// <summary>
    /// Confirms, then rejects, each review named, one after the other: a review already decided, or another
    /// organisation's, is reported and left as it is, so the same request sent twice changes nothing the second time.
    /// An id in both lists is refused as a whole request: which decision was meant cannot be told.
    /// </summary>
    public async Task<IReadOnlyList<ReviewDecisionResultDto>> DecideManyAsync(OrganisationAccess access, ReviewDecisionsInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var confirm = (input.Confirm ?? []).Distinct().ToList();
        var reject = (input.Reject ?? []).Distinct().ToList();
        if (confirm.Count + reject.Count > MaxBatch)
        {
            throw new RuleViolation(confirm.Count > MaxBatch ? "confirm" : "reject", Phrase.Of("Decide at most {0} reviews in one request.", MaxBatch));
        }

        if (confirm.Intersect(reject).Any())
        {
            throw new RuleViolation("reject", "A review cannot be both confirmed and rejected.");
        }

        var ids = confirm.Concat(reject).ToList();
        var reviews = await db.Set<MatchReview>().Where(r => ids.Contains(r.Id) && r.OrganisationId == access.Organisation.Id).ToDictionaryAsync(r => r.Id, ct);
        var writer = await ImportRowWriter.LoadAsync(db, access.Organisation.Id, clock.GetUtcNow(), ct);
        var results = new List<ReviewDecisionResultDto>();
        foreach (var (id, same) in confirm.Select(id => (id, true)).Concat(reject.Select(id => (id, false))))
        {
            if (!reviews.TryGetValue(id, out var review))
            {
                results.Add(new(id, ReviewDecisionOutcome.NotFound, null));
            }
            else if (review.Status != ReviewStatus.Pending)
            {
                results.Add(new(id, ReviewDecisionOutcome.AlreadyDecided, review.ResultFacilityId));
            }
            else
            {
                try
                {
                    var facilityId = await WriteAsync(access, review, same, writer, ct);
                    results.Add(new(id, same ? ReviewDecisionOutcome.Linked : ReviewDecisionOutcome.Separated, facilityId));
                }
                catch (RuleViolation e) when (e.StatusCode == StatusCodes.Status409Conflict)
                {
                    results.Add(new(id, ReviewDecisionOutcome.Refused, null));
                }
            }
        }

        return results;
    }

    private async Task<Guid> WriteAsync(OrganisationAccess access, MatchReview review, bool sameFacility, ImportRowWriter writer, CancellationToken ct)
    {
        var row = JsonSerializer.Deserialize<ImportRow>(review.RowJson)!;
        Guid facilityId;
        if (sameFacility)
        {
            facilityId = review.CandidateFacilityId;
        }
        else
        {
            // Checked before anything is written, so a refused row leaves nothing behind for the next decision's save.
            if (row.OsId is { } osId && (await db.Set<Facility>().AnyAsync(f => f.OsId == osId, ct) || db.Set<Facility>().Local.Any(f => f.OsId == osId)))
            {
                throw RuleViolation.Conflict("osId", Phrase.Of("A facility with the OS ID {0} exists already; this row cannot be a different facility.", osId));
            }

            facilityId = writer.NewFacility(row, Guid.CreateVersion7()).Id;
        }

        // The buyer column is not followed here: the buyer row's facility may itself still wait for review.
        writer.Link(row with { BuyerRow = null }, facilityId, null, review.ImportId);
        writer.RecordFacts(row, facilityId);
        review.Status = sameFacility ? ReviewStatus.Confirmed : ReviewStatus.Rejected;
        review.DecidedAt = clock.GetUtcNow();
        review.DecidedByUserId = me.UserId;
        review.ResultFacilityId = facilityId;
        audit.Record(access.Organisation.Id, sameFacility ? "match.confirmed" : "match.rejected",
            $"row {review.RowNumber} '{row.Name}' {(sameFacility ? "is" : "is not")} the facility {review.CandidateFacilityId}");
        await db.SaveChangesAsync(ct);
        return facilityId;
    }
}
