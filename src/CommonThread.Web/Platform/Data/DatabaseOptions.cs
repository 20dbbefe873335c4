namespace CommonThread.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the working folder.</summary>
    public string ConnectionString { get; set; } = "Data Source=commonthread.db";

    /// <summary>
    /// PostgreSQL only, optional: where endpoints marked <see cref="StandbyReads"/> read, typically an Npgsql
    /// multi-host string preferring a standby and falling back to the primary
    /// ("Host=replica:5432,primary:5432;Target Session Attributes=prefer-standby;…"). Unset: everything uses
    /// <see cref="ConnectionString"/>.
    /// </summary>
    public string? StandbyConnectionString { get; set; }
}
