using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.Audits;

/// <summary>The orders the audit and corrective plan lists are paged in: newest first.</summary>
public static class AuditListOrders
{
    public static readonly ListOrder<AuditDto> Audits = new ListOrder<AuditDto>(a => a.Id).By(a => a.EndedOn, descending: true);

    public static readonly ListOrder<CorrectivePlanSummary> CorrectivePlans = new ListOrder<CorrectivePlanSummary>(p => p.Id).By(p => p.CreatedAt, descending: true);
}
