using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommonThread.Data;

/// <summary>
/// The one DbContext. Features reach their tables with <c>Set&lt;T&gt;()</c>; there are deliberately
/// no DbSet properties per feature, so no feature gets a typed handle on another's tables.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ModelAssemblies modelAssemblies)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<AppUser>().Property(u => u.PreferredCulture).HasMaxLength(16);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.HasAnnotation(ModelAssemblies.ProviderAnnotation, Database.ProviderName);
        foreach (var assembly in modelAssemblies.Assemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }

        builder.Model.RemoveAnnotation(ModelAssemblies.ProviderAnnotation);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native date-time-with-offset type and cannot compare or order the TEXT
        // form, so instants are stored there as sortable integers. PostgreSQL uses timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            // Decimals would be TEXT there, compared as strings and never summed by the database;
            // REAL keeps the 15 significant digits money and piece rates need. PostgreSQL uses numeric.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        }
    }
}
