namespace CommonThread.Web.Accountability;

public static class AccountabilityRegistration
{
    public static void AddAccountability(this IServiceCollection services)
    {
        services.AddOptions<AccountabilityOptions>().BindConfiguration("Accountability");
        services.AddHostedService<FeedbackReleaseWorker>();
        services.AddScoped<AgreementService>();
        services.AddScoped<SupplyChain.IPresenceVouchers, AgreementVouchers>();
        services.AddScoped<FrameworkService>();
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
