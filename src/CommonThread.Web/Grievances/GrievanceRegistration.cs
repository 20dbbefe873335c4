namespace CommonThread.Web.Grievances;

public static class GrievanceRegistration
{
    public static void AddGrievances(this IServiceCollection services)
    {
        services.AddOptions<GrievanceOptions>().BindConfiguration("Grievances");
        services.AddSingleton<CaseCrypto>();
        services.AddSingleton<ReceiptCodes>();
        services.AddSingleton<ReceiptReplays>();
        services.AddSingleton<IntakeLimits>();
        services.AddScoped<CaseParties>();
        services.AddScoped<CasePartyAdditions>();
        services.AddScoped<SupplyChain.IPresenceVouchers, MechanismVouchers>();
        services.AddScoped<IntakeService>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseList>();
        services.AddScoped<MechanismService>();
        services.AddScoped<GrievanceStatistics>();
        services.AddScoped<CaseNotices>();
        services.AddScoped<CaseDeadlines>();
        services.AddScoped<Organisations.IDashboardPanel, GrievancesDashboardPanel>();
        services.AddScoped<CaseRetention>();
        services.AddScoped<AnonymousActNotices>();
        services.AddHostedService<GrievanceScheduleWorker>();
    }
}
