using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

/// <summary>
/// Sets each order's accepted and rejected pieces, payment due day, amount paid and last payment day
/// from its returns and payments, by the database in one statement however many orders. Called in
/// the transaction that wrote the returns or payments, so the totals never disagree with them.
/// </summary>
public static class WorkOrderTotals
{
    public static Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Guid> orderIds, CancellationToken ct) =>
        db.Set<WorkOrder>().Where(w => orderIds.Contains(w.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.AcceptedPieces, w => db.Set<PieceReturn>().Where(r => r.WorkOrderId == w.Id).Sum(r => (int?)r.Accepted) ?? 0)
            .SetProperty(w => w.RejectedPieces, w => db.Set<PieceReturn>().Where(r => r.WorkOrderId == w.Id).Sum(r => (int?)r.Rejected) ?? 0)
            .SetProperty(w => w.PaymentDueOn, w => db.Set<PieceReturn>().Where(r => r.WorkOrderId == w.Id).Max(r => (DateOnly?)r.CheckedOn.AddDays(w.PayWithinDays)))
            .SetProperty(w => w.Paid, w => db.Set<HomeworkPayment>().Where(p => p.WorkOrderId == w.Id).Sum(p => (decimal?)p.Amount) ?? 0m)
            .SetProperty(w => w.LastPaidOn, w => db.Set<HomeworkPayment>().Where(p => p.WorkOrderId == w.Id).Max(p => (DateOnly?)p.PaidOn)), ct);
}
