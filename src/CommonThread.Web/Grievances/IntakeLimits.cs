using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using CommonThread.Web.Platform.Api;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Grievances;

/// <summary>
/// How much the anonymous intake and follow-up take, counted in memory only (nothing here is stored).
/// </summary>
/// <remarks>
/// Filing is limited per channel (a burst, then an hourly rate), not per address: a factory's workers share
/// one connection, and a flood through one poster link must not silence the others. The cost: one person can
/// fill a channel's budget and delay genuine reports on it for a while; they are not lost (the form comes back
/// with what was typed), and other channels are untouched.
/// Follow-up is limited per address and code together, so coworkers on one connection never spend each other's
/// tries; and per address for wrong codes only, which bounds walking the code space (besides Argon2id's cost)
/// without ordinary use counting against it. The cost: someone on a shared connection who sends many wrong codes
/// on purpose blocks new tries from that connection for a quarter of an hour.
/// </remarks>
public sealed class IntakeLimits(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> filing = PartitionedRateLimiter.Create<string, string>(channel =>
        RateLimitPartition.GetTokenBucketLimiter(channel, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Value.IntakeBurstPerChannel), TokensPerPeriod = 1, QueueLimit = 0, AutoReplenishment = true,
            ReplenishmentPeriod = TimeSpan.FromHours(1) / Math.Max(1, options.Value.IntakePerHourPerChannel),
        }));

    private readonly PartitionedRateLimiter<string> codeTries = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(options.Value.ReceiptCodePer15Minutes)));

    private readonly PartitionedRateLimiter<string> wrongCodes = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(options.Value.WrongReceiptCodesPer15Minutes)));

    /// <summary>Takes one new report on the channel, or says how long to wait.</summary>
    public bool TryFile(string channelCode, out TimeSpan retryAfter)
    {
        using var lease = filing.AttemptAcquire(channelCode);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(2);
        return lease.IsAcquired;
    }

    /// <summary>Whether this address may try this code now; counts the try.</summary>
    public bool MayTryCode(IPAddress? address, string typedCode)
    {
        var from = address?.ToString() ?? "unknown";
        if (wrongCodes.GetStatistics(from)?.CurrentAvailablePermits <= 0)
        {
            return false;
        }

        // The code itself is not held, only a hash of it (digits only, as the code is looked up).
        var code = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(ReceiptCodes.Normalise(typedCode) ?? typedCode)), 0, 8);
        using var lease = codeTries.AttemptAcquire(from + "|" + code);
        return lease.IsAcquired;
    }

    /// <summary>The code tried from this address opened nothing.</summary>
    public void WrongCode(IPAddress? address)
    {
        using var _ = wrongCodes.AttemptAcquire(address?.ToString() ?? "unknown");
    }

    public void Dispose()
    {
        filing.Dispose();
        codeTries.Dispose();
        wrongCodes.Dispose();
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(15), QueueLimit = 0 };
}
