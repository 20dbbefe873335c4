namespace CommonThread.Web.Accountability;

/// <summary>Settings of the accountability feature (section "Accountability").</summary>
public sealed class AccountabilityOptions
{
    /// <summary>How often supplier feedback is released to brands on its own, in days (the initiative may also release in between).</summary>
    public int ReleaseEveryDays { get; set; } = 7;
}

/// <summary>Releases due rounds' feedback once an hour looks; a round is released once per cycle at most.</summary>
public sealed class FeedbackReleaseWorker(IServiceScopeFactory scopes, ILogger<FeedbackReleaseWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        CommonThread.Web.Platform.Jobs.Periodic.RunAsync(scopes, TimeSpan.FromHours(1), (services, ct) => services.GetRequiredService<FeedbackRelease>().ReleaseDueAsync(null, ct), log,
            "Scheduled release of supplier feedback failed; trying again in an hour.", stoppingToken);
}
