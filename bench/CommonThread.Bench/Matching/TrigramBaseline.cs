using System.Diagnostics;
using CommonThread.Matching;
using Npgsql;
using NpgsqlTypes;

namespace CommonThread.Bench.Matching;

/// <summary>
/// The baseline: the same registry in PostgreSQL, loaded with binary COPY, a pg_trgm GIN index on
/// the lower-cased name, and per row the most similar name in the same country. A row links when
/// name similarity ≥ 0.6. Run on a sample of rows (the full list would take too long, which is the
/// point); the time for all rows is extrapolated and labelled as such.
/// </summary>
public static class TrigramBaseline
{
    private const double LinkThreshold = 0.6;

    public static async Task RunAsync(string serverConnection, List<FacilityRecord> registry, List<LabelledRow> rows, int sample,
        Action<string, IReadOnlyList<LabelledRow>, IReadOnlyList<(string?, bool)>> report)
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

        Console.WriteLine($"  pg_trgm: COPY registry     {clock.Elapsed.TotalSeconds,8:F1} s");
        clock.Restart();
        await Execute(db, "CREATE INDEX registry_name_trgm ON registry USING gin (name gin_trgm_ops); ANALYZE registry");
        Console.WriteLine($"  pg_trgm: build GIN index   {clock.Elapsed.TotalSeconds,8:F1} s");

        var sampled = rows.Take(sample).ToList();
        var outcomes = new List<(string?, bool)>(sampled.Count);
        clock.Restart();
        await using (var query = new NpgsqlCommand(
            "SELECT id, similarity(name, $1) FROM registry WHERE country = $2 AND name % $1 ORDER BY similarity(name, $1) DESC LIMIT 1", db))
        {
            query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            await query.PrepareAsync();
            foreach (var row in sampled)
            {
                query.Parameters[0].Value = row.Row.Name.ToLowerInvariant();
                query.Parameters[1].Value = row.Row.CountryCode;
                await using var reader = await query.ExecuteReaderAsync();
                var linked = await reader.ReadAsync() && reader.GetDouble(1) >= LinkThreshold ? reader.GetString(0) : null;
                outcomes.Add((linked, false));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  pg_trgm: match {sampled.Count:N0} rows  {seconds,8:F1} s   ({sampled.Count / seconds:N0} rows/s; all {rows.Count:N0} rows ≈ {seconds * rows.Count / sampled.Count:N0} s, extrapolated)");
        report($"pg_trgm (similarity ≥ {LinkThreshold})", sampled, outcomes);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
