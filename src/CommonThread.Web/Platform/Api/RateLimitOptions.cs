namespace CommonThread.Web.Platform.Api;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in form posts per client address per minute (lockout protects each account on top).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>API tokens a member may create per minute.</summary>
    public int TokenCreationPerMinute { get; set; } = 10;

    /// <summary>
    /// Posts with one receipt code from one client address per 15 minutes (follow-up: open, reply, retaliation).
    /// Keyed on the address and the code together, so workers sharing a factory's connection each have their own.
    /// </summary>
    public int ReceiptCodePer15Minutes { get; set; } = 10;

    /// <summary>Wrong receipt codes per client address per 15 minutes: right codes do not count, so ordinary use never spends it.</summary>
    public int WrongReceiptCodesPer15Minutes { get; set; } = 30;

    /// <summary>New reports one intake channel (poster link or gateway) takes at once, before the hourly rate applies.</summary>
    public int IntakeBurstPerChannel { get; set; } = 10;

    /// <summary>New reports one intake channel takes per hour once its burst is spent.</summary>
    public int IntakePerHourPerChannel { get; set; } = 30;
}
