using System.Security.Cryptography;
using System.Text;
using CommonThread.Data;
using CommonThread.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Platform.Api;

/// <summary>A rate: <see cref="Burst"/> at once, then one every <see cref="Interval"/>.</summary>
public readonly record struct Rate(int Burst, TimeSpan Interval)
{
    /// <summary>At most <paramref name="permits"/> in any <paramref name="window"/>, all of them at once if need be.</summary>
    public static Rate PerWindow(int permits, TimeSpan window) => new(Math.Max(1, permits), window / Math.Max(1, permits));
}

/// <summary>
/// Rate limits kept in the database, so that the allowance is the deployment's and not each node's: N nodes
/// do not multiply it by N. One atomic statement per attempt (the generic cell rate algorithm, which needs one
/// number per key): an insert, or an update that only happens while the rate allows it, on both databases.
/// </summary>
public sealed class SharedLimits(AppDbContext db, KeyRingProtection keys, TimeProvider clock)
{
    /// <summary>
    /// A key that names a limit and what it counts (an address, a user, a channel) without revealing it:
    /// an HMAC under a secret kept outside the database, so a dump cannot be walked back to addresses.
    /// </summary>
    public string Key(string limit, params string[] parts)
    {
        var mac = HMACSHA256.HashData(keys.Derive("rate-limit-keys"), Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return limit + ":" + Convert.ToHexStringLower(mac, 0, 16);
    }

    /// <summary>Takes one from the allowance; null when taken, otherwise how long to wait.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string key, Rate rate, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var interval = (long)rate.Interval.TotalMilliseconds;
        var tolerance = interval * rate.Burst;
        var greatest = db.Database.IsNpgsql() ? "GREATEST" : "max";
        // Allowed while the new arrival time stays within the burst's tolerance of now; refused rows are left as they were.
        var sql = $$"""
            INSERT INTO "RateAllowances" ("Key", "Tat") VALUES ({0}, {1} + {2})
            ON CONFLICT ("Key") DO UPDATE SET "Tat" = {{greatest}}("RateAllowances"."Tat", {1}) + {2}
            WHERE {{greatest}}("RateAllowances"."Tat", {1}) + {2} - {1} <= {3}
            RETURNING "Tat" AS "Value"
            """;
        var taken = await db.Database.SqlQueryRaw<long>(sql, key, now, interval, tolerance).ToListAsync(ct);
        if (taken.Count > 0)
        {
            return null;
        }

        var tat = await db.Set<RateAllowance>().Where(a => a.Key == key).Select(a => a.Tat).FirstOrDefaultAsync(ct);
        return TimeSpan.FromMilliseconds(Math.Max(1000, tat + interval - now - tolerance));
    }

    /// <summary>Whether one more would be allowed now, without taking it.</summary>
    public async Task<bool> HasRoomAsync(string key, Rate rate, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var interval = (long)rate.Interval.TotalMilliseconds;
        var tat = await db.Set<RateAllowance>().Where(a => a.Key == key).Select(a => (long?)a.Tat).FirstOrDefaultAsync(ct);
        return tat is null || Math.Max(tat.Value, now) + interval - now <= interval * rate.Burst;
    }

    /// <summary>Forgets every allowance that is whole again: a row whose arrival time has passed limits nothing.</summary>
    public Task<int> ForgetSpentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return db.Set<RateAllowance>().Where(a => a.Tat < now).ExecuteDeleteAsync(ct);
    }
}
