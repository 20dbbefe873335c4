using System.Net;
using CommonThread.Web.Platform.Api;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Grievances;

/// <summary>
/// How much the anonymous intake and follow-up take, counted in the database for every node at once
/// (<see cref="SharedLimits"/>): the counters are keyed by HMACs under a secret kept outside the database
/// and deleted once spent, so nothing kept there names a channel's reporter, their address or their code.
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
public sealed class IntakeLimits(SharedLimits limits, IOptions<RateLimitOptions> options)
{
    private static readonly TimeSpan CodeWindow = TimeSpan.FromMinutes(15);

    private RateLimitOptions O => options.Value;

    /// <summary>Takes one new report on the channel; null when taken, otherwise how long to wait.</summary>
    public Task<TimeSpan?> TryFileAsync(string channelCode, CancellationToken ct) =>
        limits.TryTakeAsync(limits.Key("intake", channelCode),
            new Rate(Math.Max(1, O.IntakeBurstPerChannel), TimeSpan.FromHours(1) / Math.Max(1, O.IntakePerHourPerChannel)), ct);

    /// <summary>Whether this address may try this code now; counts the try.</summary>
    public async Task<bool> MayTryCodeAsync(IPAddress? address, string typedCode, CancellationToken ct)
    {
        var from = address?.ToString() ?? "unknown";
        if (!await limits.HasRoomAsync(limits.Key("wrong-codes", from), Rate.PerWindow(O.WrongReceiptCodesPer15Minutes, CodeWindow), ct))
        {
            return false;
        }

        // The code as it is looked up (digits only), so spacing does not make a new try.
        var code = ReceiptCodes.Normalise(typedCode) ?? typedCode;
        return await limits.TryTakeAsync(limits.Key("code-tries", from, code), Rate.PerWindow(O.ReceiptCodePer15Minutes, CodeWindow), ct) is null;
    }

    /// <summary>The code tried from this address opened nothing.</summary>
    public Task WrongCodeAsync(IPAddress? address, CancellationToken ct) =>
        limits.TryTakeAsync(limits.Key("wrong-codes", address?.ToString() ?? "unknown"), Rate.PerWindow(O.WrongReceiptCodesPer15Minutes, CodeWindow), ct);
}
