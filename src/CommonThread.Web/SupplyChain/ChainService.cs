using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

/// <summary>A facility in a chain picture, with what workers there have.</summary>
public sealed record ChainNode(Guid FacilityId, string Name, string CountryCode, int Tier, bool HasUnion, bool HasWorkerCommittee, bool HasCollectiveAgreement);

/// <summary>Work passes from <c>From</c> to <c>To</c>; <c>From</c> null is the organisation itself. <c>Ended</c>: only ended links join them, kept as history.</summary>
public sealed record ChainEdge(Guid? From, Guid To, bool Ended = false);

public sealed record ChainDto(string OrganisationName, IReadOnlyList<ChainNode> Nodes, IReadOnlyList<ChainEdge> Edges);

/// <summary>
/// An organisation's chain as a graph: who passes work to whom, tier by tier. Built from the same
/// facilities the organisation sees (<see cref="SupplyChainService.VisibleAsync"/>), so the picture
/// never shows more than the lists do.
/// </summary>
public sealed class ChainService(AppDbContext db, FoaProfileService foa, SupplyChainService chain, ChainSnapshots snapshots, ChangeStamps stamps)
{
    public async Task<ChainDto> ChainAsync(OrganisationAccess access, Guid? focusFacilityId, CancellationToken ct)
    {
        // The whole chain is kept between requests (it does not depend on who asks within the organisation);
        // a focus is cut from it.
        var whole = await snapshots.GetAsync("chain", access.Organisation.Id, stamps, () => WholeAsync(access, ct), c => c.Nodes.Count, ct);
        if (focusFacilityId is not { } focused)
        {
            return whole with { OrganisationName = access.Organisation.Name };
        }

        if (!whole.Nodes.Any(n => n.FacilityId == focused))
        {
            throw Platform.Errors.RuleViolation.NotFound("facility");
        }

        var keep = Connected(focused, whole.Edges);
        return new(access.Organisation.Name, whole.Nodes.Where(n => keep.Contains(n.FacilityId)).ToList(),
            whole.Edges.Where(e => keep.Contains(e.To) && (e.From is null || keep.Contains(e.From.Value))).ToList());
    }

    private async Task<ChainDto> WholeAsync(OrganisationAccess access, CancellationToken ct)
    {
        // Only the confirmed chain is drawn: a claim shows in the lists, marked, but joins no picture.
        var inChain = (await foa.ListedRowsAsync(access, ct)).Where(f => f.Tier is not null && f.Confirmed).ToDictionary(f => f.FacilityId);
        // Who runs each facility comes with the facilities the organisation sees, already in memory.
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Select(v => v.Facility).Where(f => inChain.ContainsKey(f.Id));
        var operatorFacilities = facilities.Where(f => f.OperatorOrganisationId is not null)
            .GroupBy(f => f.OperatorOrganisationId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Id).OrderBy(id => inChain[id].Tier).First());
        var buyers = operatorFacilities.Keys.Append(access.Organisation.Id).ToList();
        // The buyers' confirmed links, narrowed to the chain in memory: sending the chain's ids along would
        // make PostgreSQL test each link against an array of tens of thousands. The buyers (thousands at a
        // portfolio's second tier) are joined for the same reason, not tested as an array (= ANY).
        var links = (await (from l in db.Set<SupplyLink>().AsNoTracking()
                            join b in buyers on l.BuyerOrganisationId equals b
                            where l.Status == LinkStatus.Confirmed
                            select new { l.BuyerOrganisationId, l.FacilityId, l.ViaFacilityId, Ended = l.EndDate != null }).ToListAsync(ct))
            .Where(l => inChain.ContainsKey(l.FacilityId)).ToList();

        // The organisation's own links say which facility passes work on when it maps deeper tiers
        // itself; a supplier's links hang from that supplier's facility.
        var edges = links.Select(l => (From: l.ViaFacilityId is { } via && inChain.ContainsKey(via) ? via
                    : l.BuyerOrganisationId == access.Organisation.Id ? null
                    : operatorFacilities.TryGetValue(l.BuyerOrganisationId, out var from) ? from : (Guid?)null,
                To: l.FacilityId, l.Ended))
            .Where(e => e.From != e.To)
            .GroupBy(e => (e.From, e.To))
            .Select(g => new ChainEdge(g.Key.From, g.Key.To, g.All(e => e.Ended)))
            .ToList();
        var nodes = inChain.Values.Select(f => new ChainNode(f.FacilityId, f.Name, f.CountryCode, f.Tier!.Value, f.HasUnion, f.HasWorkerCommittee, f.HasCollectiveAgreement));
        return new(access.Organisation.Name, nodes.OrderBy(n => n.Tier).ThenBy(n => n.Name).ToList(), edges);
    }

    /// <summary>The facility, everything that passes work to it, and everything it passes work to.</summary>
    private static HashSet<Guid> Connected(Guid facility, IReadOnlyList<ChainEdge> edges)
    {
        var keep = new HashSet<Guid> { facility };
        void Walk(Guid start, Func<ChainEdge, Guid?> from, Func<ChainEdge, Guid?> to)
        {
            var queue = new Queue<Guid>([start]);
            while (queue.TryDequeue(out var at))
            {
                foreach (var next in edges.Where(e => from(e) == at).Select(to).OfType<Guid>())
                {
                    if (keep.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }

        Walk(facility, e => e.From, e => e.To);
        Walk(facility, e => e.To, e => e.From);
        return keep;
    }
}
