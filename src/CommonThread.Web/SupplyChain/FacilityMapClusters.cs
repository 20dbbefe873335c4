namespace CommonThread.Web.SupplyChain;

/// <summary>One facility on the interactive map: what its pop-up names and where it links.</summary>
public sealed record MapFacilityDto(Guid Id, string Name, string Country, bool HasUnion);

/// <summary>
/// A circle on the interactive map: where it is (degrees), how many facilities it holds and how many of them
/// have a union; <c>Country</c> when they all are in one country, <c>Facility</c> when it is one facility.
/// </summary>
public sealed record MapClusterDto(double Latitude, double Longitude, int Count, int WithUnion, string? Country, MapFacilityDto? Facility);

/// <summary>The clusters within a box at a zoom level, and how many facilities they hold in all.</summary>
public sealed record MapClustersDto(int Zoom, double CellDegrees, int Facilities, IReadOnlyList<MapClusterDto> Clusters)
{
    /// <summary>
    /// The facilities in the box gathered exactly as the picture gathers them (<see cref="FacilityMap.Gather"/>), on
    /// the same plane, with a cell that depends on the zoom only: panning never regroups what stays in view.
    /// </summary>
    public static MapClustersDto Of(IEnumerable<FoaSummaryRow> drawn, FacilityMapBox box)
    {
        var markers = drawn
            .Where(f => f is { Latitude: { } lat, Longitude: { } lon } && box.Contains(lat, lon))
            .Select(f => new FacilityMap.Marker(f, f.Longitude!.Value + 180, 90 - f.Latitude!.Value))
            .ToList();
        var clusters = FacilityMap.Gather(markers, box.CellDegrees)
            .Select(c => new MapClusterDto(Math.Round(90 - c.Y, 6), Math.Round(c.X - 180, 6), c.Count, c.WithUnion, c.Country,
                c.Single is { } f ? new MapFacilityDto(f.FacilityId, f.Name, f.CountryCode, f.HasUnion) : null))
            .ToList();
        return new(box.Zoom, box.CellDegrees, markers.Count, clusters);
    }
}
