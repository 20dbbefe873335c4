using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// The one place that decides whether an exception means "the database cannot be reached right now"
/// (a restart, a network cut, a full connection pool, a locked file) rather than a fault of the request
/// or of the code. Such a failure is answered 503 with Retry-After and is not logged as an error: it
/// passes, and nothing was written because the transaction did not commit.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is told to wait before trying again (Retry-After).</summary>
    public const int RetryAfterSeconds = 30;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }

            if (IsItself(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short reason for the log, without a stack trace (and never any data of the request).</summary>
    public static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (IsItself(e))
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
        }

        return exception.GetType().Name;
    }

    private static bool IsItself(Exception e) => e switch
    {
        // Server-side states that pass: connection failures (class 08), shutdown or start-up in progress,
        // too many connections. Serialization failures (40001) are transient too, but they are a conflict
        // between requests, not an outage.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.ConfigurationLimitExceeded,
        // Without a server's answer: refused or broken connections and timeouts.
        NpgsqlException npgsql => npgsql.IsTransient,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen,
        _ => false,
    };

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
}
