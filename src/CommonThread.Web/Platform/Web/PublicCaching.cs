using Microsoft.AspNetCore.OutputCaching;

namespace CommonThread.Web.Platform.Web;

/// <summary>
/// Public pages read by many people without an account (the knowledge library) answered from memory for a minute:
/// one rendering serves every anonymous reader of the same address in the same language. Only anonymous requests
/// are kept (the output cache's default rule), apart per language and cookie; a feature evicts its tag when what
/// it shows changes. Each node keeps its own copy, so another node may show the old page for up to a minute.
/// </summary>
public static class PublicCaching
{
    public const string Policy = "PublicPages";

    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static void AddPublicCaching(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(Duration).SetVaryByHeader("Accept-Language", "Cookie")));
}
