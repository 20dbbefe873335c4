namespace CommonThread.Web.Notifications;

/// <summary>
/// How notifications leave by e-mail (section <c>Email</c>). With neither a host nor a pickup
/// folder, no e-mail is sent and members read their notifications on the site.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The site's address as members reach it, for the links in e-mails (e.g. https://commonthread.example).</summary>
    public string SiteUrl { get; set; } = "http://127.0.0.1:5080";

    public string From { get; set; } = "CommonThread <no-reply@commonthread.invalid>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Writes each e-mail as an .eml file into this folder instead of sending it: for trying the platform out, and for tests.</summary>
    public string? PickupDirectory { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);
}
