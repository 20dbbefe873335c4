using CommonThread.Web.Platform.Jobs;

namespace CommonThread.Web.Accountability;

public static class AccountabilityRegistration
{
    public static void AddAccountability(this IServiceCollection services)
    {
        services.AddOptions<AccountabilityOptions>().BindConfiguration("Accountability");
        // A round is released once per cycle at most, so an hourly look is enough.
        services.AddPeriodicJob("feedback-release", TimeSpan.FromHours(1), (s, ct) => s.GetRequiredService<FeedbackRelease>().ReleaseDueAsync(null, ct),
            "Scheduled release of supplier feedback failed; trying again in an hour.");
        services.AddScoped<AgreementService>();
        services.AddScoped<SupplyChain.IPresenceVouchers, AgreementVouchers>();
        services.AddScoped<FrameworkService>();
        services.AddScoped<PurchasingPracticeSignals>();
        services.AddScoped<RoundService>();
        services.AddScoped<IndicatorReportService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackRelease>();
        services.AddScoped<PaymentTermsService>();
        services.AddScoped<ScorecardService>();
    }

    /// <summary>Stores the starter purchasing-practice framework; run at start-up.</summary>
    public static async Task SeedStarterFrameworkAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FrameworkService>().EnsureStarterAsync(CancellationToken.None);
    }
}
