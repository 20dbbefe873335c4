using System.Text.Json.Nodes;

namespace CommonThread.Web.SupplyChain;

/// <summary>The facilities an organisation sees, with coordinates, as a GeoJSON FeatureCollection (RFC 7946: longitude first).</summary>
public static class FacilityGeoJson
{
    public const string ContentType = "application/geo+json";

    public static JsonObject Of(FoaSummaryDto summary) => new()
    {
        ["type"] = "FeatureCollection",
        ["features"] = new JsonArray(summary.Facilities.Where(f => f is { Latitude: not null, Longitude: not null }).Select(f => (JsonNode)new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = f.FacilityId.ToString(),
            ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(f.Longitude!.Value, f.Latitude!.Value) },
            ["properties"] = new JsonObject
            {
                ["name"] = f.Name, ["address"] = f.Address, ["country"] = f.CountryCode, ["os_id"] = f.OsId, ["tier"] = f.Tier, ["link"] = f.Link, ["operated"] = f.Operated,
                ["union"] = f.HasUnion, ["worker_committee"] = f.HasWorkerCommittee, ["cba"] = f.HasCollectiveAgreement, ["workers_total"] = f.WorkersTotal,
            },
        }).ToArray()),
    };
}
