using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Platform.Security;

/// <summary>
/// The web's own defences on every response: a strict Content-Security-Policy (the pages run only the
/// scripts they load from this site, never inline ones), no MIME sniffing, no referrer (a worker's
/// channel code must not travel to another site), no framing, no powerful browser features, HSTS when
/// the request came over HTTPS, and forwarded headers believed only from known proxies.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The API reference (Scalar) runs its own inline set-up script: it gets the headers but a policy that lets it run.</summary>
    private const string ReferencePath = "/scalar";

    public static void AddWebDefences(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebDefenceOptions>().BindConfiguration("WebDefences");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            var settings = builder.Configuration.GetSection("WebDefences").Get<WebDefenceOptions>() ?? new();
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UseWebDefences(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var settings = app.Services.GetRequiredService<IOptions<WebDefenceOptions>>().Value;
        var tiles = settings.ImageOrigin ?? TileOrigin(app.Configuration["Map:TileUrlTemplate"]);
        var policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + (tiles is null ? "" : " " + tiles)
            + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        const string referencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ReferencePath) ? referencePolicy : policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            // Adds the header only to requests that arrived over HTTPS (directly or through a known proxy).
            app.UseHsts();
        }
    }

    private static string? TileOrigin(string? template) =>
        Uri.TryCreate(template?.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal)
            .Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
