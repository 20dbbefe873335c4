namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Initiatives connected to a facility and a union through another feature (an agreement both signed,
/// a grievance mechanism covering the facility). Features that know such ties register one; this
/// feature asks them without reading their tables.
/// </summary>
public interface IPresenceVouchers
{
    /// <summary>Organisations that may verify the union's presence at the facility, before the employer-and-buyer exclusion.</summary>
    Task<IReadOnlyCollection<Guid>> ForAsync(Guid facilityId, Guid? facilityOperatorId, Guid unionOrganisationId, CancellationToken ct);
}
