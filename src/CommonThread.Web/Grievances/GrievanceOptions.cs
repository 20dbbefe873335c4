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
}
