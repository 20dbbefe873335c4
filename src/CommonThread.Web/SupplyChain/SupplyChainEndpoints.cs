using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Geography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommonThread.Web.SupplyChain;

public static class SupplyChainEndpoints
{
    public static void MapSupplyChainEndpoints(this IEndpointRouteBuilder app)
    {
        // Reference data every signed-in member may read; only initiatives change it (below).
        app.MapGet("/api/country-context", async ([AsParameters] ListWindow window, HttpContext http, CountryContextService countries, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, SupplyChainListOrders.CountryContext, (await countries.ListAsync(ct)).Select(CountryContextDto.From).ToList())))
            .RequireAuthorization().WithTags("Supply chain").WithName("ListCountryContext").Paged("By country code");

        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Supply chain")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/facilities", ListFacilities).WithName("ListFacilities")
            .WithDescription("Filtered by q, country, tier, union, committee, cba, link; sorted by sort; paged by limit and cursor: "
                + "the total is in X-Total-Count and the next page in the Link header.");
        group.MapGet("/facilities/{facilityId:guid}", async (Guid facilityId, HttpContext http, SupplyChainService chain, CancellationToken ct) =>
            TypedResults.Ok(FacilityDto.From(await chain.FindListedAsync(http.OrganisationAccess().Organisation.Id, facilityId, ct))))
            .WithName("GetFacility");
        group.MapPost("/facilities", CreateFacility).RequireRole(MemberRole.Editor).WithName("CreateFacility");
        group.MapPut("/facilities/{facilityId:guid}", async (Guid facilityId, FacilityInput input, HttpContext http, SupplyChainService chain, CancellationToken ct) =>
            TypedResults.Ok(FacilityDto.From(new VisibleFacility(await chain.UpdateFacilityAsync(http.OrganisationAccess(), facilityId, input, ct), true, null))))
            .RequireRole(MemberRole.Editor).WithName("UpdateFacility");

        group.MapGet("/facilities/{facilityId:guid}/foa", async (Guid facilityId, HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.Ok(await foa.ProfileAsync(http.OrganisationAccess(), facilityId, ct)))
            .WithName("GetFoaProfile");
        group.MapPost("/facilities/{facilityId:guid}/foa", async (Guid facilityId, FoaFactInput input, HttpContext http, FoaProfileService foa, CancellationToken ct) =>
        {
            var (fact, profile) = await foa.RecordAsync(http.OrganisationAccess(), facilityId, input, ct);
            return TypedResults.Created($"foa/{fact.Id}", profile);
        }).RequireRole(MemberRole.Editor).WithName("RecordFoaFact");

        group.MapPost("/facilities/{facilityId:guid}/foa/share", async (Guid facilityId, HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.Ok(await foa.ShareAsync(http.OrganisationAccess(), facilityId, share: true, ct)))
            .RequireRole(MemberRole.Editor).WithName("ShareFoaProfile");
        group.MapPost("/facilities/{facilityId:guid}/foa/share/withdraw", async (Guid facilityId, HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.Ok(await foa.ShareAsync(http.OrganisationAccess(), facilityId, share: false, ct)))
            .RequireRole(MemberRole.Editor).WithName("WithdrawFoaShare");

        group.MapGet("/foa-summary", async (HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.Ok(await foa.SummaryAsync(http.OrganisationAccess(), ct)))
            .WithName("GetFoaSummary");
        group.MapGet("/foa-summary.csv", async ([AsParameters] FacilityQuery query, HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.File(FoaSummaryExport.Csv((await foa.ListingAsync(http.OrganisationAccess(), query, ct)).All), "text/csv; charset=utf-8", "foa-summary.csv"))
            .WithName("ExportFoaSummaryCsv").ReadsFromStandby();
        group.MapGet("/foa-summary.xlsx", async ([AsParameters] FacilityQuery query, HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.File(FoaSummaryExport.Xlsx((await foa.ListingAsync(http.OrganisationAccess(), query, ct)).All), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "foa-summary.xlsx"))
            .WithName("ExportFoaSummaryXlsx").ReadsFromStandby();
        group.MapGet("/facilities.geojson", async (HttpContext http, FoaProfileService foa, CancellationToken ct) =>
            TypedResults.Text(FacilityGeoJson.Of(await foa.SummaryAsync(http.OrganisationAccess(), ct)).ToJsonString(), FacilityGeoJson.ContentType))
            .WithName("ExportFacilitiesGeoJson");
        group.MapGet("/map/clusters", async (string? west, string? south, string? east, string? north, string? zoom, string? country,
            HttpContext http, FoaProfileService foa, CancellationToken ct) =>
        {
            var box = FacilityMapBox.Parse(west, south, east, north, zoom);
            var only = string.IsNullOrWhiteSpace(country) ? null
                : Countries.Require(country);
            return TypedResults.Ok(MapClustersDto.Of(FacilityMap.Drawn(await foa.ListedRowsAsync(http.OrganisationAccess(), ct), only), box));
        }).WithName("GetMapClusters")
            .WithDescription("The facilities the map page draws, within west/south/east/north (degrees) gathered into circles for zoom (0–18), "
                + "as the interactive map asks for them; country narrows it to one country like the page's ?country=.");
        group.MapGet("/chain", async (Guid? facilityId, HttpContext http, ChainService chains, CancellationToken ct) =>
            TypedResults.Ok(await chains.ChainAsync(http.OrganisationAccess(), facilityId, ct)))
            .WithName("GetChain");

        group.MapPut("/country-context/{countryCode}", async (string countryCode, CountryContextInput input, HttpContext http, CountryContextService countries, CancellationToken ct) =>
            TypedResults.Ok(CountryContextDto.From(await countries.SaveAsync(http.OrganisationAccess(), countryCode, input, ct))))
            .RequireRole(MemberRole.Editor).WithName("SaveCountryContext");

        group.MapGet("/links", async ([AsParameters] ListWindow window, HttpContext http, SupplyChainService chain, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, SupplyChainListOrders.Links, (await chain.LinksAsync(http.OrganisationAccess().Organisation.Id, ct)).Select(SupplyLinkDto.From).ToList())))
            .WithName("ListSupplyLinks").Paged("By tier, then start date");
        group.MapPost("/links", async (SupplyLinkInput input, HttpContext http, SupplyChainService chain, CancellationToken ct) =>
        {
            var link = await chain.LinkAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"links/{link.Id}", SupplyLinkDto.From(link));
        }).RequireRole(MemberRole.Editor).WithName("CreateSupplyLink");
        group.MapPost("/links/{linkId:guid}/end", async (Guid linkId, EndSupplyLinkInput input, HttpContext http, SupplyChainService chain, CancellationToken ct) =>
            TypedResults.Ok(SupplyLinkDto.From(await chain.EndLinkAsync(http.OrganisationAccess(), linkId, input.EndDate!.Value, ct))))
            .RequireRole(MemberRole.Editor).WithName("EndSupplyLink");

        group.MapRelationshipEndpoints();
    }

    private static async Task<Created<FacilityDto>> CreateFacility(FacilityInput input, HttpContext http, SupplyChainService chain, CancellationToken ct)
    {
        var facility = await chain.CreateFacilityAsync(http.OrganisationAccess(), input, ct);
        return TypedResults.Created($"facilities/{facility.Id}", FacilityDto.From(new VisibleFacility(facility, true, null)));
    }

    private static async Task<Ok<List<FacilityDto>>> ListFacilities([AsParameters] FacilityQuery query, string? limit, string? cursor, HttpContext http,
        SupplyChainService chain, FoaProfileService foa, CancellationToken ct)
    {
        var access = http.OrganisationAccess();
        var size = ListPaging.Limit(limit);
        var listing = await foa.ListingAsync(access, query, ct);
        var listed = await chain.ListedAsync(access.Organisation.Id, ct);
        var page = listing.After(cursor, size);
        var byId = listed.ToDictionary(v => v.Facility.Id);
        ListPaging.Describe(http, page.Total, page.Next);
        return TypedResults.Ok(page.Items.Select(r => FacilityDto.From(byId[r.FacilityId])).ToList());
    }
}
