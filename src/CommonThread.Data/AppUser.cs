using Microsoft.AspNetCore.Identity;

namespace CommonThread.Data;

/// <summary>A person who signs in. What they may do comes from memberships, not from the user.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Culture name such as "en" or "es"; null means the browser decides.</summary>
    public string? PreferredCulture { get; set; }
}
