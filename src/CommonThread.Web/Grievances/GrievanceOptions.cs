namespace CommonThread.Web.Grievances;

/// <summary>Settings under "Grievances".</summary>
public sealed class GrievanceOptions
{
    /// <summary>
    /// The key that wraps every case's key, base64 of 32 bytes. Keep it outside the database (an
    /// environment variable or a key service): the database alone then reveals no report. When unset,
    /// one is generated into <see cref="KeyFile"/> on first start.
    /// </summary>
    public string? MasterKey { get; set; }

    public string KeyFile { get; set; } = "grievance-master.key";

    /// <summary>
    /// New cases and reporters' messages of a day are told to the parties in one batch, at the first
    /// scheduled run from this hour (UTC) of the next day: the notice then says nothing of the hour of the act.
    /// </summary>
    public int NoticeHourUtc { get; set; } = 2;

    /// <summary>Retaliation cases, and reporters' messages on urgent cases, are told at the first run of every block of this many hours (UTC).</summary>
    public int UrgentNoticeEveryHours { get; set; } = 4;
}
