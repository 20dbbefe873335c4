using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

/// <summary>
/// Sets orders' totals from their returns or payments: summed and grouped by the database and joined
/// to the orders in one statement, however many orders an import touches. Called in the transaction
/// that wrote the returns or payments, so the totals never disagree with them. Returns and payments
/// are only ever added, so an order without any keeps the zero it started with.
/// </summary>
public static class WorkOrderTotals
{
    public static Task ReturnedAsync(AppDbContext db, IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        var returned = db.Set<PieceReturn>().Where(r => orderIds.Contains(r.WorkOrderId)).GroupBy(r => r.WorkOrderId)
            .Select(g => new { Id = g.Key, Accepted = g.Sum(r => r.Accepted), Rejected = g.Sum(r => r.Rejected), LastChecked = g.Max(r => r.CheckedOn) });
        return db.Set<WorkOrder>().Join(returned, w => w.Id, r => r.Id, (w, r) => new { Order = w, Returned = r }).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Order.AcceptedPieces, x => x.Returned.Accepted)
            .SetProperty(x => x.Order.RejectedPieces, x => x.Returned.Rejected)
            .SetProperty(x => x.Order.PaymentDueOn, x => (DateOnly?)x.Returned.LastChecked.AddDays(x.Order.PayWithinDays)), ct);
    }

    public static Task PaidAsync(AppDbContext db, IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        var paid = db.Set<HomeworkPayment>().Where(p => orderIds.Contains(p.WorkOrderId)).GroupBy(p => p.WorkOrderId)
            .Select(g => new { Id = g.Key, Amount = g.Sum(p => p.Amount), Last = g.Max(p => p.PaidOn) });
        return db.Set<WorkOrder>().Join(paid, w => w.Id, p => p.Id, (w, p) => new { Order = w, Paid = p }).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Order.Paid, x => x.Paid.Amount)
            .SetProperty(x => x.Order.LastPaidOn, x => (DateOnly?)x.Paid.Last), ct);
    }
}
