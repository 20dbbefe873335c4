using System.Diagnostics.Metrics;

namespace CommonThread.Web.Platform.Observability;

/// <summary>
/// The platform's own metrics, beside those of ASP.NET Core, the runtime, Npgsql and Quartz. Their tags
/// name kinds of things (a job, an outcome, a channel's kind), never a person, a case or a code.
/// </summary>
public sealed class Telemetry : IDisposable
{
    public const string MeterName = "CommonThread";

    private readonly Meter meter = new(MeterName);

    public Telemetry()
    {
        JobRuns = meter.CreateCounter<long>("commonthread.job.runs", description: "Periodic job runs, by job and outcome (ran, failed, skipped: another node had the period).");
        Reports = meter.CreateCounter<long>("commonthread.intake.reports", description: "New grievance reports taken, by channel kind.");
        Imports = meter.CreateCounter<long>("commonthread.imports", description: "Facility-list imports the queue ran, by outcome (done, released: cut short and given back).");
    }

    public Counter<long> JobRuns { get; }

    public Counter<long> Reports { get; }

    public Counter<long> Imports { get; }

    public void Dispose() => meter.Dispose();
}
