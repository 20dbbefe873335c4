using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace CommonThread.Web.Platform.Web;

/// <summary>
/// The files in wwwroot, with caching that is both long and safe: a page links each file with a
/// fingerprint of its content (<c>/app.css?v=…</c>), a request carrying it may be kept for a year
/// (a changed file gets a new address), and a request without it is kept for an hour and then
/// revalidated with its ETag. The browser's /favicon.ico is answered with the SVG icon.
/// </summary>
public static class StaticAssets
{
    private const string Version = "v";
    private static readonly string Year = "public, max-age=31536000, immutable";
    private static readonly string Hour = "public, max-age=3600";

    public static void UseStaticAssets(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Browsers ask for /favicon.ico whatever the page links: answer it rather than log a 404 for every first visit.
            if (context.Request.Path == "/favicon.ico")
            {
                context.Request.Path = "/favicon.svg";
            }

            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
                file.Context.Response.Headers.CacheControl = file.Context.Request.Query.ContainsKey(Version) ? Year : Hour,
        });
    }

    /// <summary>The address of a file in wwwroot with the fingerprint of its current content.</summary>
    public sealed class Urls(IWebHostEnvironment environment)
    {
        private readonly ConcurrentDictionary<string, string> known = new(StringComparer.Ordinal);

        public string For(string path) => known.GetOrAdd(path, p =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo(p);
            if (!file.Exists)
            {
                return "/" + p;
            }

            using var stream = file.CreateReadStream();
            var hash = SHA256.HashData(stream);
            return $"/{p}?{Version}={Convert.ToHexStringLower(hash, 0, 8)}";
        });
    }
}
