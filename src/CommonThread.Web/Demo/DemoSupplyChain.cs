using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Web.Demo;

/// <summary>
/// Demo facilities and who buys from them. Northwind and Meridian share Dhaka Knitwear (competing
/// brands, one supplier); Solstice's chain runs through Tiruppur Textiles down to a homework centre.
/// Every link is confirmed by the facility's operator except Solstice's claim on Mekong, which awaits
/// Mekong's answer; the Bangladesh federation's presence at Dhaka Knitwear is verified by the platform's
/// administrators, the Cambodian union's claim at Angkor Stitch awaits a verifier.
/// </summary>
public static class DemoSupplyChain
{
    public sealed record Services(SupplyChainService Chain, FoaProfileService Foa, LinkConfirmations Confirmations, UnionPresenceService Presence);

    /// <summary>Buyer and facility of the one link left awaiting the operator's answer.</summary>
    public static readonly (string Buyer, string Facility) PendingLink = ("Solstice Sportswear", "Mekong Garments Long An Factory");

    /// <summary>Union, facility, the union's claim, and who verified it (null: still awaiting a verifier).</summary>
    public static readonly IReadOnlyList<(string Union, string Facility, string Claim, string? Verifier)> Presence =
    [
        ("Bangladesh Garment Workers Federation (demo)", "Dhaka Knitwear Unit 1", "Registered trade union, registration no. B-2231 (demo); membership list held by the federation", "CommonThread Platform"),
        ("Cambodian Apparel Workers Union (demo)", "Angkor Stitch Kambol", "Local union registered with the Ministry of Labour, no. 1187 (demo)", null),
    ];

    public sealed record DemoFacility(string Operator, string Name, string Address, string Country, double Lat, double Lng, int Women, int Men);

    public static readonly IReadOnlyList<DemoFacility> Facilities =
    [
        new("Dhaka Knitwear Ltd", "Dhaka Knitwear Unit 1", "Plot 12, Road 5, BSCIC Industrial Area, Gazipur 1700", "BD", 23.999, 90.420, 1450, 620),
        new("Mekong Garments Co.", "Mekong Garments Long An Factory", "Lot 3, Long Hau Industrial Zone, Can Giuoc, Long An", "VN", 10.640, 106.720, 980, 310),
        new("Angkor Stitch Factory", "Angkor Stitch Kambol", "National Road 4, Kambol, Phnom Penh 12000", "KH", 11.480, 104.740, 1700, 240),
        new("Tiruppur Textiles Pvt", "Tiruppur Textiles Unit 2", "SIDCO Industrial Estate, Mudalipalayam, Tiruppur 641606", "IN", 11.070, 77.330, 520, 410),
        new("Sunrise Homework Agents", "Sunrise homework centre, Palladam", "12 Market Street, Palladam, Tiruppur 641664", "IN", 10.990, 77.280, 85, 5),
    ];

    /// <summary>Buyer, facility, tier.</summary>
    public static readonly IReadOnlyList<(string Buyer, string Facility, int Tier)> Links =
    [
        ("Northwind Apparel", "Dhaka Knitwear Unit 1", 1),
        ("Northwind Apparel", "Mekong Garments Long An Factory", 1),
        ("Meridian Outfitters", "Dhaka Knitwear Unit 1", 1),
        ("Meridian Outfitters", "Angkor Stitch Kambol", 1),
        ("Solstice Sportswear", "Tiruppur Textiles Unit 2", 1),
        ("Tiruppur Textiles Pvt", "Sunrise homework centre, Palladam", 1),
        ("Solstice Sportswear", "Mekong Garments Long An Factory", 1),
    ];

    /// <summary>Reporter, facility, what: the verified federation reports its union; a brand's interview found the Cambodian union (a finding: it gives that union nothing).</summary>
    public static readonly IReadOnlyList<(string Reporter, string Facility, FoaFactInput Fact, string? Union)> FoaFacts =
    [
        ("Bangladesh Garment Workers Federation (demo)", "Dhaka Knitwear Unit 1",
            new() { Kind = FoaFactKind.Union, Source = FactSource.Union, Name = "Dhaka Knitwear Workers Union", Federation = "Bangladesh Garment Workers Federation (demo)", GlobalFederation = "IndustriALL", Members = 640, RecognisedByManagement = true }, "Bangladesh Garment Workers Federation (demo)"),
        ("Bangladesh Garment Workers Federation (demo)", "Dhaka Knitwear Unit 1",
            new() { Kind = FoaFactKind.WorkerRepresentative, Source = FactSource.Union, Name = "Shirin Akter", Contact = "+880 1700 000000" }, null),
        ("Meridian Outfitters", "Angkor Stitch Kambol",
            new() { Kind = FoaFactKind.Union, Source = FactSource.Interview, Name = "Angkor Stitch local union", Federation = "Cambodian Apparel Workers Union (demo)", Members = 310, RecognisedByManagement = false }, "Cambodian Apparel Workers Union (demo)"),
        ("Mekong Garments Co.", "Mekong Garments Long An Factory",
            new() { Kind = FoaFactKind.WorkerCommittee, Source = FactSource.SelfDeclared, Name = "Workers' committee", Elected = true }, null),
    ];

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, Services services, DateOnly since, CancellationToken ct)
    {
        var (chain, foa) = (services.Chain, services.Foa);
        OrganisationAccess As(string name) => new(organisations[name], MemberRole.Owner);
        var facilities = new Dictionary<string, Facility>();
        foreach (var f in Facilities)
        {
            facilities[f.Name] = await chain.CreateFacilityAsync(new OrganisationAccess(organisations[f.Operator], MemberRole.Owner), new FacilityInput
            {
                Name = f.Name, Address = f.Address, CountryCode = f.Country, Latitude = f.Lat, Longitude = f.Lng,
                WorkersWomen = f.Women, WorkersMen = f.Men, WorkersTotal = f.Women + f.Men, Sector = "Apparel",
            }, ct);
        }

        foreach (var (buyer, facility, tier) in Links)
        {
            var link = await chain.LinkAsync(As(buyer), new SupplyLinkInput { FacilityId = facilities[facility].Id, Tier = tier, StartDate = since }, ct);
            if ((buyer, facility) != PendingLink)
            {
                var operatorName = Facilities.Single(f => f.Name == facility).Operator;
                await services.Confirmations.DecideAsync(As(operatorName), new LinkDecisionInput { LinkIds = [link.Id], Confirm = true }, ct);
            }
        }

        foreach (var (union, facility, claim, verifier) in Presence)
        {
            var claimed = await services.Presence.ClaimAsync(As(union), new PresenceClaimInput { FacilityId = facilities[facility].Id, Claim = claim }, ct);
            if (verifier is not null)
            {
                await services.Presence.DecideAsync(As(verifier), claimed.Id,
                    new PresenceDecisionInput { Verify = true, EvidenceSeen = PresenceEvidence.RegistrationNumber, Note = "Registration certificate seen (demo)" }, ct);
            }
        }

        // Union presence first, so a union then sees the facility it reports on.
        foreach (var (reporter, facility, fact, union) in FoaFacts)
        {
            await foa.RecordAsync(new OrganisationAccess(organisations[reporter], MemberRole.Owner), facilities[facility].Id,
                fact with { ObservedOn = since.AddMonths(18), UnionOrganisationId = union is null ? null : organisations[union].Id }, ct);
        }
    }
}
