using CommonThread.Web.Organisations;

namespace CommonThread.Web.Demo;

/// <summary>The demo organisations and the one owner of each; the same list is printed at start and in README.</summary>
public static class DemoAccounts
{
    public const string Password = "commonthread-demo-2026";

    /// <summary>
    /// Platform administrators must use two-factor sign-in, the demo's too: its authenticator key is fixed
    /// and printed (start-up and README) so anyone trying the demo can add it to an authenticator app.
    /// Demo data only loads with Demo:Seed, never in a real deployment.
    /// </summary>
    public const string AdminAuthenticatorKey = "CTDEMOADMINTOTPKEYFORTRYINGOUT22";

    public sealed record DemoOrganisation(string Name, OrganisationKind Kind, string Country, string OwnerEmail, string OwnerName);

    public static readonly IReadOnlyList<DemoOrganisation> All =
    [
        new("CommonThread Platform", OrganisationKind.PlatformAdmin, "NL", "admin@commonthread.example", "Platform Admin"),
        new("Northwind Apparel", OrganisationKind.Brand, "DE", "brand@northwind.example", "Nadia Brandt"),
        new("Meridian Outfitters", OrganisationKind.Brand, "US", "brand@meridian.example", "Marcus Hale"),
        new("Solstice Sportswear", OrganisationKind.Brand, "NL", "brand@solstice.example", "Sanne de Vries"),
        new("Dhaka Knitwear Ltd", OrganisationKind.Supplier, "BD", "compliance@dhakaknit.example", "Rahima Akter"),
        new("Mekong Garments Co.", OrganisationKind.Supplier, "VN", "compliance@mekong.example", "Tran Thi Lan"),
        new("Angkor Stitch Factory", OrganisationKind.Supplier, "KH", "compliance@angkorstitch.example", "Sokha Chea"),
        new("Tiruppur Textiles Pvt", OrganisationKind.Supplier, "IN", "compliance@tiruppur.example", "Priya Raman"),
        new("Sunrise Homework Agents", OrganisationKind.Intermediary, "IN", "agent@sunrise.example", "Kavita Devi"),
        new("Bangladesh Garment Workers Federation (demo)", OrganisationKind.Union, "BD", "officer@bgwf.example", "Kalpona Roy"),
        new("Cambodian Apparel Workers Union (demo)", OrganisationKind.Union, "KH", "officer@cawu.example", "Dara Sok"),
        new("Fair Threads Initiative", OrganisationKind.Initiative, "NL", "staff@fairthreads.example", "Ines Moreau"),
        new("Ministry of Labour and Employment (demo)", OrganisationKind.Government, "BD", "officer@labour-ministry.example", "Farhana Haque"),
        new("Garment Employers' Association (demo)", OrganisationKind.EmployerOrganisation, "BD", "secretariat@employers.example", "Arif Chowdhury"),
    ];
}
