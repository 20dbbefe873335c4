using CommonThread.Web.Platform.Jobs;

namespace CommonThread.Web.Grievances;

public static class GrievanceRegistration
{
    public static void AddGrievances(this IServiceCollection services)
    {
        services.AddOptions<GrievanceOptions>().BindConfiguration("Grievances");
        services.AddSingleton<CaseCrypto>();
        services.AddSingleton<ReceiptCodes>();
        services.AddSingleton<ReceiptReplays>();
        services.AddScoped<IntakeLimits>();
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
        // Missed deadlines, the batch of new cases and reporters' messages that is due (AnonymousActNotices), then the retention rule.
        services.AddPeriodicJob("grievance-schedule", TimeSpan.FromHours(1), async (s, ct) =>
        {
            await s.GetRequiredService<CaseDeadlines>().RunOnceAsync(ct);
            await s.GetRequiredService<AnonymousActNotices>().RunDueAsync(ct);
            await s.GetRequiredService<CaseRetention>().RunOnceAsync(ct);
        }, "The grievance schedule could not run; it tries again in an hour.");
    }
}
