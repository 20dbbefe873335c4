namespace CommonThread.Web.Platform.Security;

/// <summary>
/// Where the app runs behind a reverse proxy (nginx): the proxies whose X-Forwarded-For and
/// X-Forwarded-Proto are believed, so the app knows a request came over HTTPS (secure cookies, HSTS)
/// and from which address. Nothing is believed from anyone else.
/// </summary>
public sealed class WebDefenceOptions
{
    /// <summary>Addresses of trusted proxies, such as "10.0.0.5"; loopback is always trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, such as "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>An extra origin the map may load tiles from (set from Map:TileUrlTemplate when empty).</summary>
    public string? ImageOrigin { get; set; }
}
