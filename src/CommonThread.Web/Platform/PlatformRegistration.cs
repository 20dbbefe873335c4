using CommonThread.Data;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Health;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Observability;
using CommonThread.Web.Platform.Security;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;

namespace CommonThread.Web.Platform;

/// <summary>What every feature stands on, added and wired in one place.</summary>
public static class PlatformRegistration
{
    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.AddRateLimits();
        builder.AddWebDefences();
        builder.AddTelemetry();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new Jobs.JobNode());
        services.AddScoped<Audit.AuditLog>();
        services.AddErrors();
        services.AddIdentityAndTokens();
        services.AddShellLocalization();
        services.AddApiDocument();
        services.AddHealth();
        services.AddAntiforgery();
        services.AddCompression();
        services.AddPublicCaching();
        services.AddSingleton<StaticAssets.Urls>();
        services.AddRazorComponents();
        // Pages are in Bengali, Khmer, Burmese…: send their text as UTF-8, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        // Keys live in the database so that several app nodes share them and restarts keep sessions,
        // sealed under a wrapping key kept outside it (a dump alone cannot forge a sign-in).
        services.AddDataProtection().SetApplicationName("CommonThread").PersistKeysToDbContext<AppDbContext>();
        services.AddKeyRingProtection(builder.Configuration);
    }

    public static void UsePlatform(this WebApplication app, IEnumerable<string> moreCultures)
    {
        app.UseWebDefences();
        app.UseTelemetry();
        app.UseResponseCompression();
        app.UseCrossSiteApiGuard();
        app.UseErrors();
        app.UseStaticAssets();
        app.UseShellLocalization(moreCultures);
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so a signed-in request is never answered from, nor kept in, the public cache.
        app.UseOutputCache();
        app.UseTwoFactorGate();
        app.UseSharedLimits();
        app.UseFormTextCleaning();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapApiDocument();
        app.MapLanguageSwitch();
    }
}
