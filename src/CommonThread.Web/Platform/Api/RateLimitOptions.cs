namespace CommonThread.Web.Platform.Api;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in form posts per client address per minute (lockout protects each account on top).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>API tokens a member may create per minute.</summary>
    public int TokenCreationPerMinute { get; set; } = 10;

    /// <summary>Receipt-code attempts (follow-up posts) per client address per 15 minutes: a 16-digit code cannot be walked.</summary>
    public int ReceiptCodePer15Minutes { get; set; } = 10;
}
