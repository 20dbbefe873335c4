using CommonThread.Web.Platform.Data;

namespace CommonThread.Web.SupplyChain;

public static class SupplyChainRegistration
{
    public static void AddSupplyChain(this IServiceCollection services)
    {
        services.AddOptions<MapOptions>().BindConfiguration("Map");
        services.AddScoped<SupplyChainService>();
        services.AddSingleton<ChainSnapshots>();
        services.AddChangeStamp(ChainSnapshots.Area, ChainSnapshots.Tables);
        services.AddScoped<FoaProfileService>();
        services.AddScoped<CountryContextService>();
        services.AddScoped<ChainService>();
        services.AddScoped<BrandsAbove>();
        services.AddScoped<LinkConfirmations>();
        services.AddScoped<UnionPresenceService>();
        services.AddScoped<UnionPresences>();
        services.AddScoped<ChainRelations>();
        services.AddScoped<Organisations.IDashboardPanel, SupplyChainDashboardPanel>();
        services.AddScoped<Organisations.IDashboardPanel, Imports.ImportReviewsDashboardPanel>();
        services.AddScoped<Imports.FacilityImportService>();
        services.AddScoped<Imports.ReviewQueue>();
        services.AddScoped<Imports.MatchReviewDecisions>();
        services.AddScoped<Imports.FacilityImportRunner>();
        services.AddScoped<Imports.ImportPlanner>();
        services.AddScoped<Imports.ImportLeases>();
        services.AddSingleton<Imports.ImportProgress>();
        services.AddSingleton<Imports.ImportQueue>();
        services.AddHostedService<Imports.FacilityImportWorker>();
    }

    /// <summary>Reference data every deployment needs, demo or not: the shipped country context.</summary>
    public static async Task SeedSupplyChainReferenceDataAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CountryContextService>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
    }
}
