using System.Diagnostics;

namespace CommonThread.Bench;

/// <summary>What a closed-loop load of N clients measured: throughput and latency percentiles.</summary>
public sealed record LoadResult(int Clients, double Seconds, int Succeeded, int Failed, double PerSecond, double P50Ms, double P95Ms, double P99Ms)
{
    public override string ToString() =>
        $"{PerSecond,8:F1} req/s   p50 {P50Ms,7:F1} ms   p95 {P95Ms,7:F1} ms   p99 {P99Ms,7:F1} ms   ({Succeeded:N0} ok, {Failed:N0} failed, {Clients} clients, {Seconds:F0} s)";
}

public static class LoadRun
{
    /// <summary>Each client sends its next request as soon as the last one answered, for the whole duration.</summary>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var i = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await request(c * 1_000_000 + i++);
                if (ok)
                {
                    latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failures[c]++;
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)(p * all.Count))];
        return new(clients, seconds, all.Count, failures.Sum(), all.Count / seconds, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }
}
