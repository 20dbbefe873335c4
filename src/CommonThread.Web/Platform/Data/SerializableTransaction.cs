using System.Data;
using CommonThread.Data;
using CommonThread.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommonThread.Web.Platform.Data;

public static class SerializableTransaction
{
    /// <summary>
    /// Runs check-then-write work (such as "at least one owner remains") so that two concurrent
    /// requests cannot both pass the check. A lost race answers 409 and writes nothing.
    /// </summary>
    /// <remarks>
    /// The work may roll the transaction back itself (<c>db.Database.RollbackTransactionAsync</c>), as an
    /// import does that finds a problem after it began writing; what it wrote is then not committed.
    /// </remarks>
    public static async Task RunSerializableAsync(this AppDbContext db, Func<Task> work, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            await work();
            if (db.Database.CurrentTransaction is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception e) when (IsSerializationFailure(e))
        {
            db.ChangeTracker.Clear();
            throw RuleViolation.Conflict("request", "Someone else changed this at the same time. Please try again.");
        }
    }

    // A unique index refusing the row a concurrent transaction has just committed is the same lost race:
    // PostgreSQL reports it so, rather than as a serialization failure, when the check read through another index.
    private static bool IsSerializationFailure(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState
            is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;
}
