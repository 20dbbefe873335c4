using System.Diagnostics;
using CommonThread.Matching;
using CommonThread.Matching.Synthetic;
using Npgsql;
using NpgsqlTypes;

namespace CommonThread.Bench.Matching;

/// <summary>
/// The baseline, set up as someone who knows pg_trgm would: the same registry in PostgreSQL (binary COPY), a GiST index
/// on (country, name gist_trgm_ops) — btree_gist lets the country share the trigram index — and per row the k nearest
/// names in its country (<c>ORDER BY name &lt;-&gt; $1 LIMIT k</c>) among those passing <c>name % $1</c> with
/// <c>pg_trgm.similarity_threshold</c> set. Two decision rules on the same candidates: the name alone, and the name and
/// address weighted as our matcher weighs them; each links above a stated threshold when no runner-up is within the
/// margin, and sends a band below it to review. Thresholds are stated, not tuned. Run on a sample of each line's rows,
/// one query at a time on one connection; its rows/s are what that gives.
/// </summary>
public static class TrigramBaseline
{
    private const int Nearest = 10;
    private const double Floor = 0.3;          // pg_trgm.similarity_threshold: what `%` lets through
    private const double NameLink = 0.6, NameReview = 0.4;
    private const double BothLink = 0.7, BothReview = 0.5;
    private const double Margin = 0.04;        // as our matcher's ambiguity margin: a runner-up this close goes to review

    public static async Task RunAsync(string serverConnection, List<FacilityRecord> registry, List<NoiseLine> lines, int sample,
        Action<NoiseLine, List<LabelledRow>> reportOurs, Action<string, IReadOnlyList<LabelledRow>, IReadOnlyList<(string?, bool)>> report)
    {
        const string database = "ct_bench_trgm";
        await using (var admin = new NpgsqlConnection(serverConnection + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await Execute(admin, $"CREATE DATABASE {database}");
        }

        await using var db = new NpgsqlConnection(serverConnection + $";Database={database}");
        await db.OpenAsync();
        await Execute(db, "CREATE EXTENSION pg_trgm; CREATE UNLOGGED TABLE registry (id text, country text, name text, address text)");
        var clock = Stopwatch.StartNew();
        await using (var copy = await db.BeginBinaryImportAsync("COPY registry (id, country, name, address) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var f in registry)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(f.Id, NpgsqlDbType.Text);
                await copy.WriteAsync(f.CountryCode, NpgsqlDbType.Text);
                await copy.WriteAsync(f.Name.ToLowerInvariant(), NpgsqlDbType.Text);
                await copy.WriteAsync(f.Address.ToLowerInvariant(), NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"  pg_trgm: COPY registry     {clock.Elapsed.TotalSeconds,8:F1} s   ({registry.Count:N0} facilities)");
        clock.Restart();
        var index = await CreateIndex(db);
        Console.WriteLine($"  pg_trgm: build {index}  {clock.Elapsed.TotalSeconds,8:F1} s");
        await Execute(db, $"SET pg_trgm.similarity_threshold = {Floor}");

        var sql = $"""
            SELECT id, similarity(name, $1), similarity(address, $3) FROM registry
            WHERE country = $2 AND name % $1 ORDER BY name <-> $1 LIMIT {Nearest}
            """;
        await using var query = new NpgsqlCommand(sql, db);
        query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        await PrintPlan(db, sql, lines[0].Rows[0].Row);
        await query.PrepareAsync();

        var (total, seconds) = (0, 0.0);
        foreach (var line in lines)
        {
            var sampled = line.Rows.Take(sample).ToList();
            var byName = new List<(string?, bool)>(sampled.Count);
            var byBoth = new List<(string?, bool)>(sampled.Count);
            clock.Restart();
            foreach (var row in sampled)
            {
                query.Parameters[0].Value = row.Row.Name.ToLowerInvariant();
                query.Parameters[1].Value = row.Row.CountryCode;
                query.Parameters[2].Value = row.Row.Address.ToLowerInvariant();
                var candidates = new List<(string Id, double Name, double Address)>(Nearest);
                await using (var reader = await query.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        candidates.Add((reader.GetString(0), reader.GetFloat(1), reader.GetFloat(2)));
                    }
                }

                byName.Add(Decide(candidates.Select(c => (c.Id, c.Name)), NameLink, NameReview));
                byBoth.Add(Decide(candidates.Select(c => (c.Id, 0.65 * c.Name + 0.35 * c.Address)), BothLink, BothReview));
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            (total, seconds) = (total + sampled.Count, seconds + elapsed);
            Console.WriteLine($"  --- {line.Label}: {sampled.Count:N0} sampled rows, pg_trgm {sampled.Count / elapsed:N0} rows/s");
            reportOurs(line, sampled);
            report($"pg_trgm name (link ≥ {NameLink}, review ≥ {NameReview})", sampled, byName);
            report($"pg_trgm name+address (0.65/0.35; link ≥ {BothLink}, review ≥ {BothReview})", sampled, byBoth);
        }

        Console.WriteLine($"  pg_trgm: {total:N0} rows in {seconds:F1} s = {total / seconds:N0} rows/s (one connection, one query per row, k = {Nearest})");
    }

    /// <summary>Links the best when it clears the threshold and no runner-up is within the margin; a lower band goes to review.</summary>
    private static (string?, bool) Decide(IEnumerable<(string Id, double Score)> candidates, double link, double review)
    {
        var ranked = candidates.OrderByDescending(c => c.Score).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Score < review)
        {
            return (null, false);
        }

        var clear = ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= Margin;
        return ranked[0].Score >= link && clear ? (ranked[0].Id, false) : (null, true);
    }

    /// <summary>GiST on (country, name) when btree_gist is there, so the KNN scan stays inside the country; else name alone.</summary>
    private static async Task<string> CreateIndex(NpgsqlConnection db)
    {
        try
        {
            await Execute(db, "CREATE EXTENSION btree_gist");
            await Execute(db, "CREATE INDEX registry_country_name ON registry USING gist (country, name gist_trgm_ops); ANALYZE registry");
            return "GiST (country, name)";
        }
        catch (PostgresException e)
        {
            // Without btree_gist the KNN scan walks names of every country and filters: slower, same answers.
            Console.WriteLine($"  pg_trgm: btree_gist unavailable ({e.MessageText}); GiST on name alone plus a btree on country");
            await Execute(db, "CREATE INDEX registry_name ON registry USING gist (name gist_trgm_ops); CREATE INDEX registry_country ON registry (country); ANALYZE registry");
            return "GiST (name)         ";
        }
    }

    private static async Task PrintPlan(NpgsqlConnection db, string sql, FacilityRecord row)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, db);
        explain.Parameters.Add(new NpgsqlParameter { Value = row.Name.ToLowerInvariant(), NpgsqlDbType = NpgsqlDbType.Text });
        explain.Parameters.Add(new NpgsqlParameter { Value = row.CountryCode, NpgsqlDbType = NpgsqlDbType.Text });
        explain.Parameters.Add(new NpgsqlParameter { Value = row.Address.ToLowerInvariant(), NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  pg_trgm plan: {reader.GetString(0).Trim()}");
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
