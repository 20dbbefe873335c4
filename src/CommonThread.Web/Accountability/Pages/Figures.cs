using System.Globalization;

namespace CommonThread.Web.Accountability.Pages;

/// <summary>How the accountability pages write figures.</summary>
public static class Figures
{
    public static string Percent(double? share) => share is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";
}
