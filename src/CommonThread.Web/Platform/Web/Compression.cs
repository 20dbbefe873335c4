using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace CommonThread.Web.Platform.Web;

/// <summary>
/// Brotli (preferred) or gzip for text responses: pages, styles, scripts, JSON, SVG and CSV shrink to a
/// fifth or less, which matters most to people on phones and slow links.
/// <para>
/// BREACH: an attacker who can make a victim's browser request a compressed HTTPS page that reflects
/// text of the attacker's choosing, and who can watch the response lengths, can recover a secret on
/// the same page a letter at a time. ASP.NET Core therefore compresses nothing over HTTPS unless told
/// to. We do compress over HTTPS (production runs behind TLS; uncompressed pages cost every user, every
/// time), because the secrets on our pages are either not guessable this way or kept uncompressed:
/// the anti-forgery token in every form is encrypted afresh for each response (the same value never
/// appears twice), the session cookie is a header (not compressed), and the few pages that show a
/// lasting secret — a worker's receipt or passbook code, a new API token, a two-factor key — call
/// <see cref="Security.NeverCached.KeepOutOfCaches"/>, which turns compression off for that response.
/// </para>
/// </summary>
public static class Compression
{
    /// <summary>The text types worth compressing; images, PDFs, XLSX and ZIPs are compressed already.</summary>
    public static readonly string[] MimeTypes =
        ["text/html", "text/css", "text/javascript", "application/javascript", "application/json", "application/problem+json", "image/svg+xml", "text/csv", "text/plain"];

    public static void AddCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        // Fastest: dynamic pages are compressed on every request; the better ratios of higher levels cost far more CPU than they save in bytes.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }
}
