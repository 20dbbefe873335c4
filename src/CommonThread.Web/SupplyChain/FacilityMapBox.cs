using System.Globalization;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// What the interactive map asks the server for as it is panned and zoomed: the part of the world in view
/// (degrees) and the zoom level, which decides how close facilities must be to share a circle.
/// </summary>
public sealed record FacilityMapBox(double West, double South, double East, double North, int Zoom)
{
    public const int MaxZoom = 18;

    /// <summary>
    /// A cell about this many screen pixels wide at any zoom (a zoom level shows the world 256 × 2^zoom pixels
    /// wide): close to the no-JavaScript picture's cells, and wide enough for a circle with its count.
    /// </summary>
    public const int CellPixels = 40;

    /// <summary>The cell's width in degrees, on the plane <see cref="FacilityMap"/> gathers on (longitude + 180, 90 − latitude).</summary>
    public double CellDegrees => 360.0 * CellPixels / (256 * Math.Pow(2, Zoom));

    public bool Contains(double latitude, double longitude) =>
        latitude >= South && latitude <= North && longitude >= West && longitude <= East;

    /// <summary>The query's values, each checked; every field that is wrong is named at once.</summary>
    public static FacilityMapBox Parse(string? west, string? south, string? east, string? north, string? zoom)
    {
        var errors = new Dictionary<string, string[]>();
        var w = Degrees("west", west, 180, errors);
        var s = Degrees("south", south, 90, errors);
        var e = Degrees("east", east, 180, errors);
        var n = Degrees("north", north, 90, errors);
        if (w is not null && e is not null && w >= e)
        {
            errors["east"] = ["east must be greater than west (a box across the antimeridian is asked for as two)."];
        }

        if (s is not null && n is not null && s >= n)
        {
            errors["north"] = ["north must be greater than south."];
        }

        int? level = int.TryParse(zoom, NumberStyles.Integer, CultureInfo.InvariantCulture, out var z) && z is >= 0 and <= MaxZoom ? z : null;
        if (level is null)
        {
            errors["zoom"] = [$"zoom is a whole number from 0 to {MaxZoom}."];
        }

        return errors.Count > 0
            ? throw new RuleViolation(errors, "The map's box is not valid.")
            : new FacilityMapBox(w!.Value, s!.Value, e!.Value, n!.Value, level!.Value);
    }

    private static double? Degrees(string field, string? text, double limit, Dictionary<string, string[]> errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
        {
            return value;
        }

        errors[field] = [$"{field} is a number of degrees from -{limit} to {limit}."];
        return null;
    }
}
