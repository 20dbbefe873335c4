using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonThread.Tests.Infrastructure;

/// <summary>
/// Records every database write (INSERT, UPDATE, DELETE) made while serving a request that carries
/// the probe header. A test can then say "this refused request changed nothing" for every table at
/// once, updates included, and is not confused by other tests or background jobs writing meanwhile.
/// (Bulk COPY on PostgreSQL bypasses EF commands and is not seen; only imports use it.)
/// </summary>
public sealed partial class RequestWrites(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Probe";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> writes = new();

    /// <summary>The write statements run for the probe, first line of each.</summary>
    public IReadOnlyList<string> Of(string probe) => writes.TryGetValue(probe, out var found) ? [.. found] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Noted(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Noted(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Noted(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Noted(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Noted(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Noted(command, result));

    private T Noted<T>(DbCommand command, T result)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } probe)
        {
            foreach (Match write in WriteStatement().Matches(command.CommandText))
            {
                writes.GetOrAdd(probe, _ => new()).Enqueue(write.Value.Trim());
            }
        }

        return result;
    }

    /// <summary>A statement that changes rows, at the start of a line as EF writes them (not SELECT … FOR UPDATE).</summary>
    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|MERGE)\b[^\r\n]*", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex WriteStatement();
}
