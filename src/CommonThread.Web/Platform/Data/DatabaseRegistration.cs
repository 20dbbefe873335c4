using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Platform.Data;

public static class DatabaseRegistration
{
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ModelAssemblies(typeof(DatabaseRegistration).Assembly));
        builder.Services.AddDbContext<AppDbContext>(db =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Postgres:
                    db.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly("CommonThread.Migrations.Postgres"));
                    break;
                default:
                    db.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly("CommonThread.Migrations.Sqlite"));
                    break;
            }
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
