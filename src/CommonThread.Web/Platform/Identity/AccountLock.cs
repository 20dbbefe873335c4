namespace CommonThread.Web.Platform.Identity;

/// <summary>
/// Two kinds of lockout, told apart by when they end. An operator's lock (until the end of time) suspends
/// the person: sign-in refused, open sessions and API tokens stopped on their next request. The short
/// lockout after failed sign-ins only refuses new sign-ins: a stranger (an employer hostile to a union)
/// typing wrong passwords at someone's address must not be able to cut off their open session or
/// their organisation's integrations.
/// </summary>
public static class AccountLock
{
    public static readonly DateTimeOffset Suspended = DateTimeOffset.MaxValue;

    /// <summary>By its year: SQLite keeps the time to the millisecond, so the end of time comes back a little earlier.</summary>
    public static bool IsSuspended(DateTimeOffset? lockoutEnd) => lockoutEnd?.Year == Suspended.Year;
}
