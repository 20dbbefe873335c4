using CommonThread.Data;
using CommonThread.Matching;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// One queued import, start to end: read the stored file again, match every good row against every
/// facility on the platform, then write facilities, links, FoA facts and review items in a single
/// transaction, so a failure leaves nothing behind.
/// </summary>
public sealed class FacilityImportRunner(AppDbContext db, ImportLeases leases, AuditLog audit, Notifier notifier, ImportProgress progress, TimeProvider clock, ILogger<FacilityImportRunner> log)
{
    private const int ProgressEvery = 500;

    /// <summary>
    /// Runs an import this process has claimed (see <see cref="ImportLeases"/>). A failure of the import
    /// itself is recorded on it; an outage or a stop is left to the worker, which gives the import back.
    /// </summary>
    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.Set<FacilityImport>().FirstAsync(i => i.Id == importId, ct);
        if (import.Status != ImportStatus.Running || import.RunningOn != leases.Node)
        {
            return;
        }

        try
        {
            await MatchAndWriteAsync(import, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && !DatabaseUnavailable.Is(e) && e is not ImportLeaseLostException)
        {
            log.LogError(e, "Import {ImportId} failed and was rolled back.", importId);
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var reason = e is DbUpdateException { InnerException: { } inner } ? inner.Message : e.Message;
            await leases.FailAsync(importId, $"The import stopped and nothing of it was written: {reason}", CancellationToken.None);
        }
        finally
        {
            progress.Forget(importId);
        }
    }

    private async Task MatchAndWriteAsync(FacilityImport import, CancellationToken ct)
    {
        var content = await db.Set<FacilityImportContent>().AsNoTracking().FirstAsync(c => c.ImportId == import.Id, ct);
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == import.OrganisationId, ct);
        var now = clock.GetUtcNow();
        var table = TableFile.Read(import.FileName, content.Bytes);
        var parsed = FacilityListParser.Parse(table, organisation.Kind, DateOnly.FromDateTime(now.UtcDateTime));
        var rows = parsed.Rows;

        progress.Report(import.Id, "Reading the registry", 0, rows.Count);
        var decider = await ImportRowDecider.LoadAsync(db, import.OrganisationId, ct);

        // Matching only adds to the change tracker; the transaction opens for the write alone, so on
        // SQLite other writers wait for seconds, not for the whole import.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writer = await ImportRowWriter.LoadAsync(db, import.OrganisationId, now, ct);
        var facilityOfRow = new Dictionary<int, Guid>();
        var linkRows = new List<ImportRow>();
        // What happened to each row replaces what the preview planned, in the same transaction.
        var results = ImportRowResults.Problems(import.Id, table, parsed).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var decision = decider.Decide(row);
            results.Add(ImportRowResults.Of(import.Id, row, decision, planned: false));
            switch (decision)
            {
                case { Outcome: RowOutcome.Known, FacilityId: null }:
                    // Already one item in the review queue: the decision there will write it.
                    import.ReviewRows++;
                    import.KnownRows++;
                    break;
                case { Outcome: RowOutcome.Known or RowOutcome.Matched, FacilityId: { } facilityId }:
                    facilityOfRow[row.RowNumber] = facilityId;
                    import.MatchedRows++;
                    import.KnownRows += decision.Outcome == RowOutcome.Known ? 1 : 0;
                    linkRows.Add(row);
                    break;
                case { Outcome: RowOutcome.Review, FacilityId: { } candidate, Match: { } match }:
                    import.ReviewRows++;
                    db.Add(new MatchReview
                    {
                        OrganisationId = import.OrganisationId, ImportId = import.Id, RowNumber = row.RowNumber, RowKey = FacilityListParser.RowKey(row),
                        RowJson = System.Text.Json.JsonSerializer.Serialize(row), CandidateFacilityId = candidate,
                        Confidence = Math.Round(match.Confidence, 3), Status = ReviewStatus.Pending, EvidenceJson = ReviewEvidence.Write(match.Evidence),
                    });
                    break;
                case { Outcome: RowOutcome.New, FacilityId: { } newId }:
                    writer.NewFacility(row, newId);
                    facilityOfRow[row.RowNumber] = newId;
                    import.NewFacilities++;
                    linkRows.Add(row);
                    break;
            }

            if (i % ProgressEvery == 0)
            {
                progress.Report(import.Id, "Matching", i, rows.Count);
            }
        }

        foreach (var row in linkRows)
        {
            var facilityId = facilityOfRow[row.RowNumber];
            var via = row.BuyerRow is { } buyerRow && facilityOfRow.TryGetValue(buyerRow, out var buyerFacility) && buyerFacility != facilityId ? buyerFacility : (Guid?)null;
            switch (writer.Link(row, facilityId, via, import.Id))
            {
                case LinkOutcome.Created:
                    import.LinksCreated++;
                    break;
                case LinkOutcome.Updated:
                    import.LinksUpdated++;
                    break;
            }

            import.FoaFactsRecorded += writer.RecordFacts(row, facilityId);
        }

        await TellOperatorsAsync(organisation.Name, writer.CreatedFacilityIds, ct);
        progress.Report(import.Id, "Writing", rows.Count, rows.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Still ours? A process that lost its lease (stalled past it) must not write what another now runs.
        // On PostgreSQL this also locks the row, so no one takes the import back until the commit.
        if (!await leases.RenewAsync(import.Id, ct))
        {
            throw new ImportLeaseLostException();
        }

        import.Status = ImportStatus.Completed;
        import.FinishedAt = clock.GetUtcNow();
        import.RunningOn = null;
        import.LeaseUntil = null;
        await db.Set<FacilityImportContent>().Where(c => c.ImportId == import.Id).ExecuteDeleteAsync(ct);
        await db.Set<FacilityImportRowResult>().Where(r => r.ImportId == import.Id).ExecuteDeleteAsync(ct);
        db.AddRange(results);
        audit.RecordAs(import.OrganisationId, import.StartedByUserId, import.StartedByName ?? "import", "import.completed",
            $"'{import.FileName}': {rows.Count} rows; {import.MatchedRows} matched, {import.NewFacilities} new facilities, {import.ReviewRows} to review, {import.KnownRows} known from earlier imports; "
            + $"{import.LinksCreated} links created, {import.LinksUpdated} updated; {import.FoaFactsRecorded} FoA facts");
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Each operator whose facilities the import claims hears of it once, with how many, to confirm or refuse on its page.</summary>
    private async Task TellOperatorsAsync(string buyerName, IReadOnlyCollection<Guid> facilityIds, CancellationToken ct)
    {
        var operators = await db.Set<Facility>().Where(f => facilityIds.Contains(f.Id) && f.OperatorOrganisationId != null)
            .GroupBy(f => f.OperatorOrganisationId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var o in operators)
        {
            await notifier.TellAsync([o.Key], Phrase.Of("'{0}' says it buys from {1} of your facilities. Confirm or refuse.", buyerName, o.Count), id => $"/o/{id}/buyers", ct);
        }
    }
}

/// <summary>The import was taken back from this process (its lease ran out) before it could commit; nothing was written.</summary>
public sealed class ImportLeaseLostException() : Exception("This process no longer holds the import.");
