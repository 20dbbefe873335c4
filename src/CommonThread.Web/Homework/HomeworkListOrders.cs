using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.Homework;

/// <summary>The orders the homework API lists are paged in: each list's own default order, ended by the id.</summary>
public static class HomeworkListOrders
{
    public static readonly ListOrder<HomeworkerDto> Homeworkers = new ListOrder<HomeworkerDto>(h => h.Id).By(h => h.Name);

    public static readonly ListOrder<WorkOrderDto> WorkOrders = new ListOrder<WorkOrderDto>(w => w.Id).By(w => w.IssuedOn, descending: true);

    public static readonly ListOrder<IntermediaryDto> Intermediaries = new ListOrder<IntermediaryDto>(i => i.Id).By(i => i.Name);

    // Open plans first, each group newest first.
    public static readonly ListOrder<ActionPlanDto> ActionPlans = new ListOrder<ActionPlanDto>(p => p.Id).By(p => p.ClosedOn is not null).By(p => p.CreatedOn, descending: true);

    public static readonly ListOrder<MinimumWageDto> MinimumWages = new ListOrder<MinimumWageDto>(m => m.Id)
        .By(m => m.CountryCode).By(m => m.Region).By(m => m.EffectiveFrom, descending: true);
}
