using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Accountability;

/// <summary>An initiative that signed one agreement with both the union and the facility's operator may verify the union's presence there.</summary>
public sealed class AgreementVouchers(AppDbContext db) : IPresenceVouchers
{
    public async Task<IReadOnlyCollection<Guid>> ForAsync(Guid facilityId, Guid? facilityOperatorId, Guid unionOrganisationId, CancellationToken ct)
    {
        if (facilityOperatorId is not { } operatorId)
        {
            return [];
        }

        var shared = db.Set<AgreementParty>().Where(p => p.OrganisationId == unionOrganisationId).Select(p => p.AgreementId)
            .Intersect(db.Set<AgreementParty>().Where(p => p.OrganisationId == operatorId).Select(p => p.AgreementId));
        return await (from p in db.Set<AgreementParty>()
                      join o in db.Set<Organisation>() on p.OrganisationId equals o.Id
                      where shared.Contains(p.AgreementId) && o.Kind == OrganisationKind.Initiative
                      select o.Id).Distinct().ToListAsync(ct);
    }
}
