using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.DueDiligence;

public static class DueDiligenceListOrders
{
    /// <summary>The register's priority (rank 1 first), then the impacts others hold (rank 0) after all of them.</summary>
    public static readonly ListOrder<ImpactDto> Impacts = new ListOrder<ImpactDto>(i => i.Id).By(i => i.Rank == 0 ? int.MaxValue : i.Rank);

    public static readonly ListOrder<ImpactProposalDto> Proposals = new ListOrder<ImpactProposalDto>(p => p.Key)
        .By(p => p.Scale + p.Scope + p.Irremediability, descending: true).By(p => p.Likelihood, descending: true);

    /// <summary>The organisation's own plans first, each list oldest first (ids are time-ordered).</summary>
    public static readonly ListOrder<PlanDto> Plans = new ListOrder<PlanDto>(p => p.Id).By(p => p.Mine, descending: true);

    /// <summary>A plan's linked work in the order it was linked (link ids are time-ordered).</summary>
    public static readonly ListOrder<LinkedWorkDto> LinkedWork = new(w => w.Id);

    /// <summary>Work that may be linked, by kind, newest first within each kind (record ids are time-ordered).</summary>
    public static readonly ListOrder<LinkableWorkDto> LinkableWork = new ListOrder<LinkableWorkDto>(w => w.RecordId).By(w => w.Kind).By(w => w.RecordId, descending: true);
}
