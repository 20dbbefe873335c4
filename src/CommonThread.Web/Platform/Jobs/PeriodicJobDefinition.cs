namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// A piece of work a feature wants done every interval, on one node of the deployment per period.
/// Features declare it with <see cref="PeriodicJobs.AddPeriodicJob"/>; the scheduler (Quartz) fires it.
/// </summary>
/// <param name="Name">A stable key: the job's name in the scheduler's store and in <see cref="JobRun"/>.</param>
/// <param name="Failure">What the log says when a run fails, for the operator who reads it.</param>
/// <param name="IntervalSetting">A configuration key that may set another interval (a <see cref="TimeSpan"/>), or null.</param>
public sealed record PeriodicJobDefinition(string Name, TimeSpan Interval, Func<IServiceProvider, CancellationToken, Task> Work, string Failure, string? IntervalSetting = null)
{
    public TimeSpan IntervalIn(IConfiguration configuration) =>
        IntervalSetting is not null && configuration.GetValue<TimeSpan?>(IntervalSetting) is { } set && set > TimeSpan.Zero ? set : Interval;

    /// <summary>The period a fire time belongs to: periods are counted from the Unix epoch, so every node computes the same one.</summary>
    public static DateTimeOffset PeriodOf(DateTimeOffset fireTime, TimeSpan interval) =>
        DateTimeOffset.FromUnixTimeMilliseconds(fireTime.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds * (long)interval.TotalMilliseconds);
}
