using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// Whether a failed save broke a unique index: two requests did the same thing at the same moment (a
/// form sent twice, a double click). That is an expected race, answered 409 and logged without a stack
/// trace; a service that knows what the duplicate means catches it first and says so.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                case SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }:
                    return true;
            }
        }

        return false;
    }
}
