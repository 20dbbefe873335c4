using CommonThread.Web.Platform.Api;
using CommonThread.Web.SupplyChain.Imports;

namespace CommonThread.Web.SupplyChain;

/// <summary>The orders the supply chain API lists (other than facilities, see <see cref="FacilityListing"/>) are paged in.</summary>
public static class SupplyChainListOrders
{
    public static readonly ListOrder<SupplyLinkDto> Links = new ListOrder<SupplyLinkDto>(l => l.Id).By(l => l.Tier).By(l => l.StartDate);

    // Claims waiting for an answer first.
    public static readonly ListOrder<LinkClaimDto> LinkClaims = new ListOrder<LinkClaimDto>(c => c.Id)
        .By(c => c.Status == LinkStatus.Pending, descending: true).By(c => c.Facility).By(c => c.Buyer);

    public static readonly ListOrder<PresenceDto> UnionPresence = new ListOrder<PresenceDto>(p => p.Id).By(p => p.Status).By(p => p.Facility);

    public static readonly ListOrder<ImportDto> Imports = new ListOrder<ImportDto>(i => i.Id).By(i => i.UploadedAt, descending: true);

    public static readonly ListOrder<CountryContextDto> CountryContext = new ListOrder<CountryContextDto>(c => c.CountryCode);
}
