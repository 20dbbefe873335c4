using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.Grievances;

/// <summary>The order the case list is paged in: what needs acting on first, as the case list page shows it.</summary>
public static class GrievanceListOrders
{
    public static readonly ListOrder<CaseSummary> Cases = new ListOrder<CaseSummary>(c => c.Id)
        .By(c => c.Urgent, descending: true).By(c => c.AcknowledgementOverdue || c.FeedbackOverdue, descending: true)
        .By(c => c.ReceivedOn, descending: true).By(c => c.Reference, comparer: StringComparer.Ordinal);
}
