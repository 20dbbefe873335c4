namespace CommonThread.Web.Platform.Security;

/// <summary>
/// Keeps a response out of every cache on the way. The value is the one the anti-forgery system sets
/// on any page with a form: a page that asked only for "no-store" had it overwritten and a warning
/// logged for each request, thousands a minute under load, hiding real errors.
/// </summary>
public static class NeverCached
{
    public static void KeepOutOfCaches(this HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
