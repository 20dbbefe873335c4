using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

/// <summary>Brands buying from one facility share what their audits found there only when they choose to.</summary>
public abstract class FoaSharingSpecs(TestApp app)
{
    private sealed record Party(HttpClient Client, Organisation Organisation)
    {
        public string Foa(Guid facilityId) => $"/api/organisations/{Organisation.Id}/facilities/{facilityId}/foa";
    }

    private async Task<Party> NewPartyAsync(OrganisationKind kind)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(kind);
        return new(client, organisation);
    }

    /// <summary>A supplier's facility that two brands buy from, and a third brand that does not.</summary>
    private async Task<(Party Supplier, Party First, Party Second, Party Outsider, Guid Facility)> SharedSupplierAsync()
    {
        var (supplier, first, second, outsider) = (await NewPartyAsync(OrganisationKind.Supplier), await NewPartyAsync(OrganisationKind.Brand),
            await NewPartyAsync(OrganisationKind.Brand), await NewPartyAsync(OrganisationKind.Brand));
        var facility = await app.WithDbAsync(async db =>
        {
            var f = new Facility { OperatorOrganisationId = supplier.Organisation.Id, Name = "Shared unit", Address = "1 Mill Road", CountryCode = "KH", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(f);
            foreach (var brand in new[] { first, second })
            {
                db.Add(new SupplyLink { BuyerOrganisationId = brand.Organisation.Id, FacilityId = f.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            }

            await db.SaveChangesAsync();
            return f.Id;
        });
        var audit = await first.Client.PostAsJsonAsync(first.Foa(facility), new { kind = "Union", source = "Audit", observedOn = "2026-03-01", name = "Shared unit union" });
        Assert.Equal(HttpStatusCode.Created, audit.StatusCode);
        return (supplier, first, second, outsider, facility);
    }

    private static async Task<FoaProfileDto> ProfileAsync(Party party, Guid facility) =>
        (await party.Client.GetFromJsonAsync<FoaProfileDto>(party.Foa(facility), Http.Json))!;

    [Fact]
    public async Task Another_buyer_reads_a_brands_audit_findings_only_while_the_brand_shares_them()
    {
        var (supplier, first, second, _, facility) = await SharedSupplierAsync();

        var beforeSharing = await ProfileAsync(second, facility);
        var shared = await (await first.Client.PostAsync($"{first.Foa(facility)}/share", null)).ReadAsync<FoaProfileDto>();
        var whileShared = await ProfileAsync(second, facility);
        await first.Client.PostAsync($"{first.Foa(facility)}/share/withdraw", null);
        var afterWithdrawal = await ProfileAsync(second, facility);

        Assert.False(beforeSharing.HasUnion);
        Assert.True(shared.SharedByYou);
        Assert.True(whileShared.HasUnion);
        Assert.Equal([first.Organisation.Name], whileShared.SharedWithYouBy);
        Assert.False(afterWithdrawal.HasUnion);
        Assert.Empty(afterWithdrawal.SharedWithYouBy);
        Assert.True((await ProfileAsync(supplier, facility)).HasUnion); // the operator reads what is said about its own facility
    }

    [Fact]
    public async Task A_brand_that_does_not_buy_from_the_facility_neither_reads_nor_shares()
    {
        var (_, first, _, outsider, facility) = await SharedSupplierAsync();
        await first.Client.PostAsync($"{first.Foa(facility)}/share", null);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(outsider.Foa(facility))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsync($"{outsider.Foa(facility)}/share", null)).StatusCode);
    }
}

public sealed class FoaSharingSpecsOnSqlite(SqliteApp app) : FoaSharingSpecs(app);

public sealed class FoaSharingSpecsOnPostgres(PostgresApp app) : FoaSharingSpecs(app);
