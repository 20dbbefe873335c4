using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Accountability;

/// <summary>
/// Where the caller sits in a round: the initiative running it sees every brand; a brand sees
/// itself; a reviewer sees the brands it reviews; a supplier asked for feedback sees the round's
/// name and dates only. Anyone else gets 404, as for a round that does not exist.
/// </summary>
public sealed record RoundSeat(MonitoringRound Round, bool Initiative, IReadOnlySet<Guid> Brands, IReadOnlySet<Guid> Reviewing)
{
    public bool Sees(Guid brandId) => Brands.Contains(brandId);

    public bool Reviews(Guid brandId) => Reviewing.Contains(brandId);

    public static async Task<RoundSeat> FindAsync(AppDbContext db, OrganisationAccess access, Guid roundId, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        var round = await db.Set<MonitoringRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw RuleViolation.NotFound("round");
        var participants = await db.Set<RoundParticipant>().AsNoTracking()
            .Where(p => p.RoundId == roundId && (round.InitiativeOrganisationId == me || p.BrandOrganisationId == me || p.ReviewerOrganisationId == me)).ToListAsync(ct);
        var initiative = round.InitiativeOrganisationId == me;
        var reviewing = participants.Where(p => p.ReviewerOrganisationId == me || (p.ReviewerOrganisationId is null && initiative)).Select(p => p.BrandOrganisationId).ToHashSet();
        var seat = new RoundSeat(round, initiative, participants.Select(p => p.BrandOrganisationId).ToHashSet(), reviewing);
        return initiative || seat.Brands.Count > 0 || await db.Set<FeedbackInvitation>().AnyAsync(i => i.RoundId == roundId && i.SupplierOrganisationId == me, ct)
            ? seat
            : throw RuleViolation.NotFound("round");
    }

    /// <summary>The initiative's seat, or 403 for anyone else who may see the round.</summary>
    public RoundSeat RequireInitiative() =>
        Initiative ? this : throw new RuleViolation("round", "Only the initiative running the round does this.", StatusCodes.Status403Forbidden);

    public void RequireSees(Guid brandId)
    {
        if (!Sees(brandId))
        {
            throw RuleViolation.NotFound("brand");
        }
    }
}
