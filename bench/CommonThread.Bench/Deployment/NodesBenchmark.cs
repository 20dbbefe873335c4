using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace CommonThread.Bench.Deployment;

/// <summary>
/// The one-machine topology of <c>deploy/topology.sh</c> (nginx, app nodes, PgBouncer, a PostgreSQL primary and its
/// streaming replica) under the same closed-loop load with two app nodes, then one (the second stopped, nginx passing
/// its share to the first), then two again: throughput, latency and the replica's replay lag while it runs. Two loads:
/// reads only (a brand's dashboard page, its facilities through the API, a due-diligence statement from the standby)
/// and a mix with anonymous grievance reports through the public form (each a page and a post, with the receipt
/// code's Argon2id). The load generator runs on the same cores as everything else; see bench/README.md.
/// </summary>
public static partial class NodesBenchmark
{
    private const string Front = "http://127.0.0.1:5200";
    private const string Primary = "Host=127.0.0.1;Port=56432;Username=postgres;Database=commonthread;Timeout=5";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var clients = options.Int("clients", 8);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 20));
        var warmUp = TimeSpan.FromSeconds(options.Int("warm-up-seconds", 10));
        var repo = AppUnderTest.RepositoryRoot();
        Console.WriteLine($"nodes benchmark: {clients} clients, {duration.TotalSeconds:F0} s per run, {Environment.ProcessorCount} cores; the topology in {Topology.Folder}");

        await Topology.RunAsync(repo, "up", "2");
        try
        {
            var load = await LoadAsync(clients);
            foreach (var (label, change) in new (string, string[]?)[] { ("2 nodes", null), ("1 node", ["stop-node", "2"]), ("2 nodes, again", ["start-node", "2"]) })
            {
                if (change is not null)
                {
                    await Topology.RunAsync(repo, change);
                    await Task.Delay(TimeSpan.FromSeconds(6)); // a stopped node drains for 3 s; nginx forgets a failed one after 5
                }

                Console.WriteLine(label);
                await LoadRun.RunAsync(clients, warmUp, load.ReadAsync);
                foreach (var (name, request) in new (string, Func<int, Task<bool>>)[] { ("reads only", load.ReadAsync), ("reads and reports", load.MixedAsync) })
                {
                    var lag = new LagSampler();
                    var result = await LoadRun.RunAsync(clients, duration, request);
                    Console.WriteLine($"  {name,-18} {result}   replica lag {await lag.StopAsync()}");
                }
            }
        }
        finally
        {
            await Topology.RunAsync(repo, "down");
        }

        return 0;
    }

    private static async Task<Load> LoadAsync(int clients)
    {
        string[] channels;
        await using (var db = new NpgsqlConnection(Primary))
        {
            await db.OpenAsync();
            await using var query = new NpgsqlCommand("""SELECT "Code" FROM "GrievanceChannels" ORDER BY "Code" LIMIT 2""", db);
            await using var reader = await query.ExecuteReaderAsync();
            var codes = new List<string>();
            while (await reader.ReadAsync())
            {
                codes.Add(reader.GetString(0));
            }

            channels = [.. codes];
        }

        var brand = Browser();
        await AppUnderTest.SignInAsync(brand, "brand@northwind.example", "commonthread-demo-2026");
        var org = JsonDocument.Parse(await brand.GetStringAsync("/api/organisations")).RootElement[0].GetProperty("id").GetString()!;
        var report = JsonDocument.Parse(await brand.GetStringAsync($"/api/organisations/{org}/dd-reports")).RootElement[0].GetProperty("key").GetString()!;
        return new Load(brand, org, report, channels, Enumerable.Range(0, clients).Select(_ => Browser()).ToArray());
    }

    private static HttpClient Browser() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = new Uri(Front), Timeout = TimeSpan.FromSeconds(60),
        };

    private static string Field(string page, string name) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex(@"\d{4} \d{4} \d{4} \d{4}")]
    private static partial Regex ReceiptCode();

    /// <summary>The requests one client sends; reads rotate over three kinds, the mix adds a report every fourth request.</summary>
    private sealed class Load(HttpClient brand, string org, string report, string[] channels, HttpClient[] reporters)
    {
        public async Task<bool> ReadAsync(int n)
        {
            var path = (n % 3) switch
            {
                0 => $"/o/{org}",
                1 => $"/api/organisations/{org}/facilities?limit=50",
                _ => $"/api/organisations/{org}/dd-reports/{report}",
            };
            using var response = await brand.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        }

        public async Task<bool> MixedAsync(int n) => n % 4 == 3 ? await ReportAsync(n) : await ReadAsync(n);

        private async Task<bool> ReportAsync(int n)
        {
            var client = reporters[n / 1_000_000 % reporters.Length];
            var channel = channels[n % channels.Length];
            using var form = await client.GetAsync($"/r/{channel}");
            var page = await form.Content.ReadAsStringAsync();
            if (form.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var sent = await client.PostAsync($"/r/{channel}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "report", ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken"),
                ["Input.SubmissionId"] = Field(page, "Input.SubmissionId"), ["Input.Nonce"] = Field(page, "Input.Nonce"),
                ["Input.Category"] = "WagesAndPayment", ["Input.Anonymous"] = "true",
                ["Input.Text"] = $"Overtime in the finishing section was not paid (nodes benchmark, report {n}).",
            }));
            return sent.StatusCode == HttpStatusCode.OK && ReceiptCode().IsMatch(await sent.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The replica's replay lag read on the primary once a second while a run lasts.</summary>
    private sealed class LagSampler
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<List<double>> samples;

        public LagSampler() => samples = SampleAsync(stop.Token);

        public async Task<string> StopAsync()
        {
            await stop.CancelAsync();
            var lags = await samples;
            return lags.Count == 0 ? "not read" : $"max {lags.Max():F1} ms, mean {lags.Average():F1} ms";
        }

        private static async Task<List<double>> SampleAsync(CancellationToken ct)
        {
            var lags = new List<double>();
            await using var db = new NpgsqlConnection(Primary);
            await db.OpenAsync(CancellationToken.None);
            while (!ct.IsCancellationRequested)
            {
                await using var query = new NpgsqlCommand("SELECT coalesce(max(extract(epoch FROM replay_lag)), 0)::float8 FROM pg_stat_replication", db);
                lags.Add((double)(await query.ExecuteScalarAsync(CancellationToken.None))! * 1000);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return lags;
        }
    }

    private static class Topology
    {
        public static string Folder => Environment.GetEnvironmentVariable("CT_TOPOLOGY") is { Length: > 0 } f ? f : "/tmp/commonthread-topology";

        public static async Task RunAsync(string repo, params string[] args)
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(repo, "deploy", "topology.sh"), .. args]) { WorkingDirectory = repo };
            // Reports are what the mixed load writes: the per-channel intake limits would refuse most of them.
            start.Environment["CT_NODE_SETTINGS"] = "RateLimits__IntakeBurstPerChannel=1000000 RateLimits__IntakePerHourPerChannel=1000000";
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"topology.sh {string.Join(' ', args)} exited with {process.ExitCode}");
            }
        }
    }
}
