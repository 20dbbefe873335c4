using System.Globalization;

namespace CommonThread.XlsForm.Expressions;

/// <summary>
/// distance() and area() as ODK computes them (JavaRosa's GeoUtils), so that a form's figures match what
/// ODK Collect shows: a sphere of the earth's equatorial radius, 6,378,100 m; distances along great circles by
/// the spherical law of cosines, summed point to point; areas by projecting the points onto a plane at the first
/// point (x scaled by the cosine of the latitude) and adding the triangles of the fan.
/// Points come as ODK writes them: "lat lon [alt [accuracy]]", several separated by ';' (a geotrace or
/// geoshape), one per instance of a repeated geopoint, or one per argument.
/// </summary>
internal static class GeoFunctions
{
    private const double EarthRadius = 6_378_100;

    private const double Circumference = 2 * Math.PI * EarthRadius;

    /// <summary>The length in meters of the path through the points; 0 for fewer than two, NaN when one is not a location.</summary>
    public static double Distance(IEnumerable<string> values)
    {
        if (Points(values) is not { } points)
        {
            return double.NaN;
        }

        var total = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            total += Between(points[i - 1], points[i]);
        }

        return total;
    }

    /// <summary>The area in square meters the points enclose; 0 for fewer than three, NaN when one is not a location.</summary>
    public static double Area(IEnumerable<string> values)
    {
        if (Points(values) is not { } points)
        {
            return double.NaN;
        }

        if (points.Count < 3)
        {
            return 0;
        }

        var (lat0, lon0) = points[0];
        var xs = points.Skip(1).Select(p => (p.Lon - lon0) * Circumference * Math.Cos(Radians(p.Lat)) / 360).ToList();
        var ys = points.Skip(1).Select(p => (p.Lat - lat0) * Circumference / 360).ToList();
        var sum = 0.0;
        for (var i = 1; i < xs.Count; i++)
        {
            sum += (ys[i - 1] * xs[i] - xs[i - 1] * ys[i]) / 2;
        }

        return Math.Abs(sum);
    }

    /// <summary>A geopoint answer's latitude and longitude, or null when the text is not one (2 to 4 numbers, latitude within ±90, longitude within ±180).</summary>
    public static (double Lat, double Lon)? Point(string text)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 4)
        {
            return null;
        }

        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return Math.Abs(numbers[0]) <= 90 && Math.Abs(numbers[1]) <= 180 ? (numbers[0], numbers[1]) : null;
    }

    /// <summary>Every point in the values; blank values (an instance left empty) add none.</summary>
    private static List<(double Lat, double Lon)>? Points(IEnumerable<string> values)
    {
        var points = new List<(double Lat, double Lon)>();
        foreach (var text in values.SelectMany(v => v.Split(';')).Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (Point(text) is not { } point)
            {
                return null;
            }

            points.Add(point);
        }

        return points;
    }

    /// <summary>Clamped before acos: two equal points can give a cosine a hair above 1, which would be NaN.</summary>
    private static double Between((double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        var cosine = Math.Sin(Radians(a.Lat)) * Math.Sin(Radians(b.Lat)) + Math.Cos(Radians(a.Lat)) * Math.Cos(Radians(b.Lat)) * Math.Cos(Radians(a.Lon - b.Lon));
        return Math.Acos(Math.Clamp(cosine, -1, 1)) * EarthRadius;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
