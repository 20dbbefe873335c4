using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Platform.Api;

public static class RateLimitRegistration
{
    public const string SignIn = "sign-in";
    public const string TokenCreation = "token-creation";
    public const string ReceiptCode = "receipt-code";

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only posts count: reading the sign-in page is free. The address is held in memory for
            // the window and never stored.
            o.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(Limits(http).SignInPerMinute))
                : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(ReceiptCode, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(http).ReceiptCodePer15Minutes, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(TokenCreation, http =>
                RateLimitPartition.GetFixedWindowLimiter(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", _ => Window(Limits(http).TokenCreationPerMinute)));
            o.OnRejected = async (ctx, ct) =>
            {
                // A worker typing receipt codes gets the page back with a message in their language, not an error document.
                if (ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == ReceiptCode)
                {
                    ctx.HttpContext.Response.Redirect($"{ctx.HttpContext.Request.Path}?tooMany=1");
                    return;
                }

                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts. Wait a minute and try again." },
                });
            };
        });
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
