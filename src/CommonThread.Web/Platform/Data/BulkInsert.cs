using CommonThread.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommonThread.Web.Platform.Data;

/// <summary>
/// Many new rows of one entity written at once, inside the caller's transaction. On PostgreSQL this is
/// binary COPY, which an import of hundreds of thousands of rows needs: EF's batched INSERTs reach a
/// fraction of its speed. Columns and conversions come from the EF model, so the rows are stored
/// exactly as <c>SaveChanges</c> would store them. Elsewhere (SQLite) it is EF's own insert.
/// The rows are read once, as they are written: a caller may produce them while checking its input.
/// </summary>
public static class BulkInsert
{
    public static async Task AddAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // A column the database computes (a text-search vector) is left to it.
        var columns = entity.GetProperties().Where(p => p.GetComputedColumnSql(table) is null).Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetRelationalTypeMapping())).ToList();
        var command = $"COPY {Quoted(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var copy = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(command, ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        await copy.WriteAsync(value, column.Mapping.StoreTypeNameBase, ct);
                    }
                    else
                    {
                        await copy.WriteNullAsync(ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Quoted(string name, string? schema = null) =>
        (schema is null ? "" : Quoted(schema) + ".") + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the database stores it: enums stored as text are converted the way EF converts them.</summary>
        public object? Value(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
