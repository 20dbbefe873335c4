using Microsoft.AspNetCore.Http.Features;

namespace CommonThread.Web.Platform.Security;

/// <summary>
/// Keeps a response out of every cache on the way. The value is the one the anti-forgery system sets
/// on any page with a form: a page that asked only for "no-store" had it overwritten and a warning
/// logged for each request, thousands a minute under load, hiding real errors.
/// </summary>
public static class NeverCached
{
    /// <summary>
    /// For a response that shows a lasting secret (a receipt code, a new API token, a two-factor key):
    /// no cache keeps it, and it is sent uncompressed even over HTTPS, so that its compressed length
    /// cannot be used to guess the secret letter by letter (BREACH; see <see cref="Web.Compression"/>).
    /// </summary>
    public static void KeepOutOfCaches(this HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
        response.SendUncompressed();
    }

    /// <summary>Sends this response as it is, whatever the compression policy says (see <see cref="Web.Compression"/>).</summary>
    public static void SendUncompressed(this HttpResponse response)
    {
        if (response.HttpContext.Features.Get<IHttpsCompressionFeature>() is { } https)
        {
            https.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }
}
