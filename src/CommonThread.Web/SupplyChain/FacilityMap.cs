namespace CommonThread.Web.SupplyChain;

/// <summary>Where the facility map gets its background. Without a tile server it draws the shipped country shapes and needs no internet.</summary>
public sealed class MapOptions
{
    /// <summary>Such as https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty for the offline map.</summary>
    public string? TileUrlTemplate { get; set; }

    public string? TileAttribution { get; set; }
}

/// <summary>
/// The facility map as SVG coordinates, computed on the server so it shows with JavaScript off. Offline
/// it uses the equirectangular plane of wwwroot/maps/world.svg (360 × 180); with a tile server, the
/// Web Mercator pixels of the zoom level that fits the facilities, and the tiles that cover them.
/// </summary>
public sealed class FacilityMap
{
    private const int TileSize = 256;
    private const int MaxTiles = 48;

    public sealed record Marker(FoaSummaryRow Facility, double X, double Y);

    public sealed record Tile(string Url, double X, double Y);

    /// <summary>
    /// Facilities close together on the picture, drawn as one circle with their count: <c>Single</c> when it
    /// is one facility; <c>Country</c> when they all are in one country (the circle then leads to that country).
    /// </summary>
    public sealed record Cluster(double X, double Y, int Count, int WithUnion, string? Country, FoaSummaryRow? Single);

    /// <summary>About this many cells across the picture: a world of 20,000 facilities becomes at most a few hundred circles.</summary>
    public const int CellsAcross = 40;

    public double ViewX { get; }

    public double ViewY { get; }

    public double ViewWidth { get; }

    public double ViewHeight { get; }

    public double MarkerRadius => ViewWidth / 120;

    public IReadOnlyList<Marker> Markers { get; }

    public IReadOnlyList<Tile> Tiles { get; } = [];

    public IReadOnlyList<Cluster> Clusters { get; }

    public FacilityMap(IReadOnlyList<FoaSummaryRow> facilities, MapOptions options)
    {
        var located = facilities.Where(f => f is { Latitude: not null, Longitude: not null }).ToList();
        var tiles = options.TileUrlTemplate;
        var zoom = string.IsNullOrWhiteSpace(tiles) ? -1 : FittingZoom(located);
        Func<double, double, (double X, double Y)> project = zoom < 0
            ? (lat, lon) => (lon + 180, 90 - lat)
            : (lat, lon) => Mercator(lat, lon, zoom);
        Markers = located.Select(f => { var (x, y) = project(f.Latitude!.Value, f.Longitude!.Value); return new Marker(f, x, y); }).ToList();

        var (minX, maxX, minY, maxY) = Markers.Count == 0 ? (0.0, 360.0, 0.0, 180.0)
            : (Markers.Min(m => m.X), Markers.Max(m => m.X), Markers.Min(m => m.Y), Markers.Max(m => m.Y));
        var full = zoom < 0 ? (W: 360.0, H: 180.0) : (W: TileSize * Math.Pow(2, zoom), H: TileSize * Math.Pow(2, zoom));
        // A margin around the facilities, at least a region's width, and never beyond the world.
        var width = Math.Min(full.W, Math.Max((maxX - minX) * 1.3, full.W / 18));
        var height = Math.Min(full.H, Math.Max((maxY - minY) * 1.3, width / 2));
        width = Math.Min(full.W, Math.Max(width, height * 1.6));
        ViewWidth = width;
        ViewHeight = height;
        ViewX = Math.Clamp(((minX + maxX) / 2) - (width / 2), 0, full.W - width);
        ViewY = Math.Clamp(((minY + maxY) / 2) - (height / 2), 0, full.H - height);
        if (zoom >= 0)
        {
            Tiles = Cover(tiles!, zoom);
        }

        Clusters = Gather(Markers, ViewWidth / CellsAcross);
    }

    /// <summary>What the map draws: the confirmed chain (claims stay in the lists, marked), in one country when one is asked for.</summary>
    public static List<FoaSummaryRow> Drawn(IEnumerable<FoaSummaryRow> facilities, string? country) =>
        facilities.Where(f => f.Confirmed && (country is null || f.CountryCode == country)).ToList();

    /// <summary>
    /// Markers gathered by the grid cell they fall in, each cluster drawn at its markers' mean position. The grid
    /// starts at the plane's origin, so the same cell size gathers the same facilities whatever part is in view.
    /// </summary>
    public static List<Cluster> Gather(IReadOnlyList<Marker> markers, double cell) =>
        markers.GroupBy(m => ((long)Math.Floor(m.X / cell), (long)Math.Floor(m.Y / cell)))
            .Select(g =>
            {
                var countries = g.Select(m => m.Facility.CountryCode).Distinct().Take(2).ToList();
                var count = g.Count();
                return new Cluster(g.Average(m => m.X), g.Average(m => m.Y), count, g.Count(m => m.Facility.HasUnion),
                    countries.Count == 1 ? countries[0] : null, count == 1 ? g.First().Facility : null);
            })
            .OrderBy(c => c.Count) // the biggest drawn last, on top
            .ToList();

    private List<Tile> Cover(string template, int zoom)
    {
        var count = 1 << zoom;
        var list = new List<Tile>();
        for (var tx = (int)(ViewX / TileSize); tx <= Math.Min(count - 1, (int)((ViewX + ViewWidth) / TileSize)); tx++)
        {
            for (var ty = (int)(ViewY / TileSize); ty <= Math.Min(count - 1, (int)((ViewY + ViewHeight) / TileSize)); ty++)
            {
                var url = template.Replace("{z}", zoom.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{x}", tx.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{y}", ty.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                list.Add(new(url, tx * TileSize, ty * TileSize));
            }
        }

        return list;
    }

    /// <summary>The deepest zoom at which the facilities fit in about 6 × 4 tiles (and never more than <see cref="MaxTiles"/>).</summary>
    private static int FittingZoom(List<FoaSummaryRow> located)
    {
        for (var z = 12; z > 1; z--)
        {
            var points = located.Select(f => Mercator(f.Latitude!.Value, f.Longitude!.Value, z)).ToList();
            if (points.Count == 0)
            {
                return 1;
            }

            var tilesWide = ((points.Max(p => p.X) - points.Min(p => p.X)) * 1.3 / TileSize) + 1;
            var tilesHigh = ((points.Max(p => p.Y) - points.Min(p => p.Y)) * 1.3 / TileSize) + 1;
            if (tilesWide <= 6 && tilesHigh <= 4 && (tilesWide + 1) * (tilesHigh + 1) <= MaxTiles)
            {
                return z;
            }
        }

        return 1;
    }

    private static (double X, double Y) Mercator(double lat, double lon, int zoom)
    {
        var scale = TileSize * Math.Pow(2, zoom);
        var sin = Math.Sin(Math.Clamp(lat, -85.05, 85.05) * Math.PI / 180);
        return ((lon + 180) / 360 * scale, (0.5 - (Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI))) * scale);
    }
}
