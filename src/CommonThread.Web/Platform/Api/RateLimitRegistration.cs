using System.Security.Claims;
using CommonThread.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Platform.Api;

/// <summary>Puts an endpoint or page under one of the named limits of <see cref="RateLimitRegistration"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SharedLimitAttribute(string limit) : Attribute
{
    public string Limit { get; } = limit;
}

/// <summary>
/// The named limits on sign-in, receipt codes and token creation, counted in the database by
/// <see cref="SharedLimits"/> so that every node spends one allowance.
/// </summary>
public static class RateLimitRegistration
{
    public const string SignIn = "sign-in";
    public const string TokenCreation = "token-creation";
    public const string ReceiptCode = "receipt-code";

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddScoped<SharedLimits>();
        builder.Services.AddPeriodicJob("rate-limit-cleanup", TimeSpan.FromMinutes(15), (s, ct) => s.GetRequiredService<SharedLimits>().ForgetSpentAsync(ct),
            "Spent rate-limit counters could not be deleted; trying again in a quarter of an hour.");
    }

    public static void UseSharedLimits(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<SharedLimitAttribute>() is { } named && What(named.Limit, http) is { } counted)
        {
            var limits = http.RequestServices.GetRequiredService<SharedLimits>();
            if (await limits.TryTakeAsync(limits.Key(named.Limit, counted.Of), counted.Rate, http.RequestAborted) is { } wait)
            {
                await RejectAsync(http, named.Limit, wait);
                return;
            }
        }

        await next(http);
    });

    /// <summary>What a request spends, or null when it spends nothing (reading the sign-in page is free).</summary>
    private static (string Of, Rate Rate)? What(string limit, HttpContext http)
    {
        var o = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        // The address is only ever kept as a keyed hash, and only until its allowance is whole again.
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return limit switch
        {
            SignIn when HttpMethods.IsPost(http.Request.Method) => (address, Rate.PerWindow(o.SignInPerMinute, TimeSpan.FromMinutes(1))),
            ReceiptCode when HttpMethods.IsPost(http.Request.Method) => (address, Rate.PerWindow(o.ReceiptCodePer15Minutes, TimeSpan.FromMinutes(15))),
            TokenCreation => (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", Rate.PerWindow(o.TokenCreationPerMinute, TimeSpan.FromMinutes(1))),
            _ => null,
        };
    }

    private static async Task RejectAsync(HttpContext http, string limit, TimeSpan wait)
    {
        // A worker typing receipt codes gets the page back with a message in their language, not an error document.
        if (limit == ReceiptCode)
        {
            http.Response.Redirect($"{http.Request.Path}?tooMany=1");
            return;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts. Wait a minute and try again." },
        });
    }
}
