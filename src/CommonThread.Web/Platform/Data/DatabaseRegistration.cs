using CommonThread.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Platform.Data;

public static class DatabaseRegistration
{
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        // Read when the context is made, not now, so settings added later (test hosts, CLI) apply.
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(new ModelAssemblies(typeof(DatabaseRegistration).Assembly));
        builder.Services.AddSingleton<ChangeStampInterceptor>();
        builder.Services.AddScoped<ChangeStamps>();
        builder.Services.AddDbContext<AppDbContext>((services, db) =>
        {
            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var standby = StandbyReads.AppliesTo(services.GetService<IHttpContextAccessor>()?.HttpContext);
            if (standby)
            {
                db.AddInterceptors(StandbyReads.Guard.Instance);
            }

            switch (options.Provider)
            {
                case DatabaseProvider.Postgres:
                    var connection = standby && !string.IsNullOrWhiteSpace(options.StandbyConnectionString)
                        ? options.StandbyConnectionString : options.ConnectionString;
                    db.UseNpgsql(connection, o => o.MigrationsAssembly("CommonThread.Migrations.Postgres"));
                    break;
                default:
                    db.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly("CommonThread.Migrations.Sqlite"));
                    break;
            }

            db.AddInterceptors(services.GetRequiredService<ChangeStampInterceptor>());

            // EF logs every failed command and save at Error with its stack trace, even when the caller
            // expects the failure and handles it (a duplicate submission, an outage answered 503). Whoever
            // handles the exception decides how loud it is; an unhandled one is still logged as an error
            // by the exception handler or the job that met it.
            db.ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
        });
    }

    /// <summary>Applies pending migrations; creates the database when it does not exist.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
