namespace CommonThread.Web.Platform.Identity;

/// <summary>
/// Who must use two-factor sign-in, and why. Platform asks (the sign-in gate, the two-factor page);
/// the feature that knows organisations and their rules answers.
/// </summary>
public interface ITwoFactorRequirement
{
    /// <summary>The names of what requires it of this person (organisations, the platform's administration); empty when nothing does.</summary>
    Task<IReadOnlyList<string>> RequiredByAsync(string userId, CancellationToken ct);

    /// <summary>True when this person may do nothing at all until they set it up (platform administrators without it).</summary>
    Task<bool> BlocksEverythingAsync(string userId, CancellationToken ct);
}
