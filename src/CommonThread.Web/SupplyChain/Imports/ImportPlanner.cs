using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// Works out the preview of an uploaded list in the background worker, like the import itself: each row's
/// planned outcome, decided by the same <see cref="ImportRowDecider"/> the run uses, against the whole registry.
/// It writes nothing but those outcomes (one small row per file row, read a page at a time), so a list of
/// 200,000 rows against a registry of 200,000 facilities costs the worker what its run would, never a request.
/// </summary>
public sealed class ImportPlanner(AppDbContext db, TimeProvider clock, ILogger<ImportPlanner> log)
{
    /// <summary>Plans the oldest upload still waiting for its preview; false when there was none.</summary>
    public async Task<bool> PlanNextAsync(CancellationToken ct)
    {
        var next = await db.Set<FacilityImport>().AsNoTracking()
            .Where(i => i.PlannedAt == null && (i.Status == ImportStatus.Previewed || i.Status == ImportStatus.Failed)
                && db.Set<FacilityImportContent>().Any(c => c.ImportId == i.Id))
            .OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return false;
        }

        List<FacilityImportRowResult> plan;
        try
        {
            plan = await PlanAsync(next, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && !DatabaseUnavailable.Is(e))
        {
            log.LogError(e, "The preview of import {ImportId} could not be worked out.", next.Id);
            plan = [new() { ImportId = next.Id, Row = 0, Outcome = RowOutcome.Problem, Message = ImportRowResults.Cut($"The preview could not be worked out: {e.Message}") }];
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only while still waiting to be started: an import started meanwhile writes its own results when it runs.
        // The update also takes the row, so a start at the same moment waits for this commit (PostgreSQL) or comes after it (SQLite).
        var now = clock.GetUtcNow();
        var claimed = await db.Set<FacilityImport>()
            .Where(i => i.Id == next.Id && i.PlannedAt == null && (i.Status == ImportStatus.Previewed || i.Status == ImportStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PlannedAt, now), ct);
        if (claimed == 1)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(plan);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return true;
    }

    private async Task<List<FacilityImportRowResult>> PlanAsync(FacilityImport import, CancellationToken ct)
    {
        var content = await db.Set<FacilityImportContent>().AsNoTracking().FirstAsync(c => c.ImportId == import.Id, ct);
        var kind = await db.Set<Organisation>().Where(o => o.Id == import.OrganisationId).Select(o => o.Kind).FirstAsync(ct);
        var table = TableFile.Read(import.FileName, content.Bytes);
        var parsed = FacilityListParser.Parse(table, kind, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var plan = ImportRowResults.Problems(import.Id, table, parsed).ToList();
        if (parsed.Rows.Count == 0)
        {
            return plan;
        }

        var decider = await ImportRowDecider.LoadAsync(db, import.OrganisationId, ct);
        plan.AddRange(parsed.Rows.Select(row => ImportRowResults.Of(import.Id, row, decider.Decide(row), planned: true)));
        return plan;
    }
}
