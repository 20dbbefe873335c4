using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>Importing a facility list again follows what the earlier import settled, before and after its reviews are decided.</summary>
public abstract class ReimportSpecs(TestApp app)
{
    private Task<int> FacilitiesNamedAsync(string word) =>
        app.WithDbAsync(db => db.Set<Facility>().CountAsync(f => f.Name.Contains(word)));

    private Task<int> LinksOfAsync(Guid organisationId) =>
        app.WithDbAsync(db => db.Set<SupplyLink>().CountAsync(l => l.BuyerOrganisationId == organisationId));

    private static async Task<List<MatchReviewDto>> QueueAsync(Importer importer) =>
        (await importer.Client.GetFromJsonAsync<List<MatchReviewDto>>($"{importer.Api}/imports/reviews", Http.Json))!;

    /// <summary>Two facilities a supplier runs, which rows of the test's files resemble without being sure.</summary>
    private async Task RegisterLookalikesAsync(string w)
    {
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            db.Add(new Facility { OperatorOrganisationId = supplier.Id, Name = $"{w} Knit Composite Ltd", Address = "Plot 12, Road 5, Konabari, Gazipur 1700", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
            db.Add(new Facility { OperatorOrganisationId = supplier.Id, Name = $"{w} Denim Washing Plant", Address = "Tongi Industrial Area, Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_same_list_imported_again_before_and_after_its_reviews_are_decided_changes_nothing()
    {
        var w = Unique.Word();
        await RegisterLookalikesAsync(w);
        var importer = await Importer.NewBrandAsync(app);
        var csv = $"""
            country,name,address,number_of_workers,os_id,sector
            Bangladesh,{w} Knit Composite,"Road 9, Chandra, Gazipur",,,Apparel
            Bangladesh,{w} Denim Washing Plant,"Plot 7, Ashulia, Savar",,,Apparel
            Bangladesh,{w} Button Works,"Plot 3, Savar",120,,Accessories
            """;

        var first = await importer.ImportAsync(csv);
        var second = await importer.ImportAsync(csv);
        var queue = await QueueAsync(importer);

        Assert.Equal((2, 1, 0), (first.ReviewRows, first.NewFacilities, first.KnownRows));
        Assert.Equal((2, 0, 3, 0, 0), (second.ReviewRows, second.NewFacilities, second.KnownRows, second.LinksCreated, second.LinksUpdated));
        Assert.Equal(first.Id, second.SameFileAsImportId);
        Assert.Equal(3, await FacilitiesNamedAsync(w));
        Assert.Equal(2, queue.Count);
        Assert.All(queue, r => Assert.Equal(first.Id, r.ImportId));

        await importer.Client.PostAsync($"{importer.Api}/imports/reviews/{queue.Single(r => r.Row.Name.Contains("Knit", StringComparison.Ordinal)).Id}/confirm", null);
        await importer.Client.PostAsync($"{importer.Api}/imports/reviews/{queue.Single(r => r.Row.Name.Contains("Denim", StringComparison.Ordinal)).Id}/reject", null);
        var facilitiesAfterDecisions = await FacilitiesNamedAsync(w);
        var third = await importer.ImportAsync(csv);

        Assert.Equal(4, facilitiesAfterDecisions); // the rejected row became a facility of its own
        Assert.Equal((0, 0, 3, 3), (third.ReviewRows, third.NewFacilities, third.MatchedRows, third.KnownRows));
        Assert.Equal((0, 0, 0), (third.LinksCreated, third.LinksUpdated, third.FoaFactsRecorded));
        Assert.Equal(4, await FacilitiesNamedAsync(w));
        Assert.Equal(3, await LinksOfAsync(importer.OrganisationId));
        Assert.Empty(await QueueAsync(importer));
    }

    [Fact]
    public async Task A_row_with_the_OS_ID_of_a_row_awaiting_review_joins_that_review_and_later_follows_its_decision()
    {
        var w = Unique.Word();
        await RegisterLookalikesAsync(w);
        var importer = await Importer.NewBrandAsync(app);
        var osId = $"BD2026{Random.Shared.Next(100, 999)}{w[1..7].ToUpperInvariant()}";
        var first = await importer.ImportAsync($"country,name,address,os_id\nBD,{w} Knit Composite,\"Road 9, Chandra, Gazipur\",{osId}\n");
        // The supplier's own export spells the address out: another folded key, the same OS ID.
        var respelt = $"country,name,address,os_id\nBD,{w} Knit Composite,\"Road 9, Chandra, Gazipur 1700, Dhaka Division\",{osId}\n";

        var second = await importer.ImportAsync(respelt);
        var queue = await QueueAsync(importer);

        Assert.Equal((1, 0), (first.ReviewRows, first.NewFacilities));
        Assert.Equal((1, 0, 1), (second.ReviewRows, second.NewFacilities, second.KnownRows));
        Assert.Equal(first.Id, Assert.Single(queue).ImportId);

        var decided = await (await importer.Client.PostAsync($"{importer.Api}/imports/reviews/{queue[0].Id}/confirm", null)).ReadAsync<MatchReviewDecisionDto>();
        var third = await importer.ImportAsync(respelt);

        Assert.Equal((0, 0, 1, 1, 0), (third.ReviewRows, third.NewFacilities, third.MatchedRows, third.KnownRows, third.LinksCreated));
        Assert.Equal(decided.FacilityId, await app.WithDbAsync(db => db.Set<SupplyLink>().Where(l => l.BuyerOrganisationId == importer.OrganisationId).Select(l => l.FacilityId).SingleAsync()));
        Assert.Equal(2, await FacilitiesNamedAsync(w));
        Assert.Empty(await QueueAsync(importer));
    }
}

public sealed class ReimportSpecsOnSqlite(SqliteApp app) : ReimportSpecs(app);

public sealed class ReimportSpecsOnPostgres(PostgresApp app) : ReimportSpecs(app);
