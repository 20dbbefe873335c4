namespace CommonThread.Tests.Infrastructure;

public class SqliteApp : TestApp
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"commonthread-test-{Guid.NewGuid():N}.db");

    public override string ProviderName => "Sqlite";

    protected override string ConnectionString => $"Data Source={file}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server named by CT_TEST_POSTGRES (the test script starts one).
/// Without it the tests fail rather than skip: PostgreSQL is the production database.
/// </summary>
public class PostgresApp : TestApp
{
    protected virtual string DatabaseName { get; } = $"ct_test_{Guid.NewGuid():N}";

    public override string ProviderName => "Postgres";

    protected override string ConnectionString => $"{ServerConnectionString};Database={DatabaseName}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CT_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("CT_TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts PostgreSQL.");

    /// <summary>False for an app that shares its database with another, which drops it.</summary>
    protected virtual bool DropsDatabase => true;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!DropsDatabase)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
