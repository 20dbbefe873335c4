using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

public enum PassbookEntryKind
{
    WorkReceived,
    PiecesReturned,
    Paid,
}

public sealed record PassbookEntry(DateOnly On, PassbookEntryKind Kind, string What, int Pieces, int Rejected, string? RejectionReason, decimal Owed, decimal Paid,
    decimal Balance, string Currency);

public sealed record PassbookView(string Name, string Area, string Language, IReadOnlyList<PassbookEntry> Entries, IReadOnlyList<WorkOrderDto> Orders);

/// <summary>
/// A homeworker's running record of work received, pieces delivered, money owed and paid: what the
/// homeworking policy calls the passbook. The keeper reads it with the register; the homeworker
/// reads it on a phone with their personal code.
/// </summary>
public sealed class Passbook(AppDbContext db, TimeProvider clock)
{
    public Task<PassbookView?> ForKeeperAsync(OrganisationAccess access, Guid homeworkerId, CancellationToken ct) =>
        BuildAsync(db.Set<Homeworker>().Where(h => h.Id == homeworkerId && h.OrganisationId == access.Organisation.Id), ct);

    /// <summary>Null for any code that opens nothing: the caller says only "not found".</summary>
    public Task<PassbookView?> ForCodeAsync(string? code, CancellationToken ct)
    {
        var normalised = new string((code ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (normalised.Length != 10)
        {
            return Task.FromResult<PassbookView?>(null);
        }

        var hash = Secrets.Hash(normalised);
        return BuildAsync(db.Set<Homeworker>().Where(h => h.PassbookCodeHash == hash), ct);
    }

    private async Task<PassbookView?> BuildAsync(IQueryable<Homeworker> which, CancellationToken ct)
    {
        if (await which.AsNoTracking().FirstOrDefaultAsync(ct) is not { } homeworker)
        {
            return null;
        }

        var orders = await db.Set<WorkOrder>().AsNoTracking().Where(w => w.HomeworkerId == homeworker.Id).ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var returns = await db.Set<PieceReturn>().AsNoTracking().Where(r => ids.Contains(r.WorkOrderId)).ToListAsync(ct);
        var payments = await db.Set<HomeworkPayment>().AsNoTracking().Where(p => p.HomeworkerId == homeworker.Id).ToListAsync(ct);
        var byId = orders.ToDictionary(o => o.Id);
        string What(WorkOrder o) => $"{o.Style} · {o.Operation} · {o.PieceRate:0.####} {o.Currency}/piece";
        var lines = orders.Select(o => new Line(o.IssuedOn, PassbookEntryKind.WorkReceived, What(o), o.Quantity, 0, null, 0m, 0m, o.Currency))
            .Concat(returns.Select(r => new Line(r.CheckedOn, PassbookEntryKind.PiecesReturned, What(byId[r.WorkOrderId]), r.Accepted, r.Rejected, r.RejectionReason,
                WageCheck.Owed(r.Accepted, byId[r.WorkOrderId].PieceRate), 0m, byId[r.WorkOrderId].Currency)))
            .Concat(payments.Select(p => new Line(p.PaidOn, PassbookEntryKind.Paid, $"{p.Method} · {p.PaidBy}{(p.Reference is null ? "" : " · " + p.Reference)}", 0, 0, p.Reason,
                0m, p.Amount, p.Currency)))
            .OrderBy(l => l.On).ThenBy(l => l.Kind).ToList();
        var balances = new Dictionary<string, decimal>();
        var entries = lines.Select(l =>
        {
            balances[l.Currency] = balances.GetValueOrDefault(l.Currency) + l.Owed - l.Paid;
            return new PassbookEntry(l.On, l.Kind, l.What, l.Pieces, l.Rejected, l.Note, l.Owed, l.Paid, balances[l.Currency], l.Currency);
        }).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var summaries = orders.OrderByDescending(o => o.IssuedOn)
            .Select(o => WorkOrderService.Summary(o, homeworker.Name, today))
            .ToList();
        return new(homeworker.Name, homeworker.Area, homeworker.Language, entries, summaries);
    }

    /// <summary>One dated line before the running balance is added; on one day, work comes before returns and returns before pay.</summary>
    private sealed record Line(DateOnly On, PassbookEntryKind Kind, string What, int Pieces, int Rejected, string? Note, decimal Owed, decimal Paid, string Currency);
}
