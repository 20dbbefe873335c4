using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Platform.Audit;

namespace CommonThread.Web.Organisations;

/// <param name="RequireTwoFactor">Members must use two-factor sign-in to act in it (always so for platform administration).</param>
public sealed record OrganisationDto(Guid Id, string Name, OrganisationKind Kind, string? CountryCode, MemberRole? MyRole, bool RequireTwoFactor)
{
    public static OrganisationDto From(Organisation o, MemberRole? role) => new(o.Id, o.Name, o.Kind, o.CountryCode, role, o.RequiresTwoFactor);
}

public sealed record MeDto(string UserId, string? Email, IReadOnlyList<OrganisationDto> Organisations);

public sealed record CreateOrganisationRequest
{
    [Required, StringLength(Organisation.NameMaxLength)]
    public string Name { get; init; } = "";

    [Required]
    public OrganisationKind? Kind { get; init; }

    [StringLength(2, MinimumLength = 2)]
    public string? CountryCode { get; init; }

    /// <summary>The first owner: invited, whether or not they have an account; they become owner when they accept.</summary>
    [Required, EmailAddress, StringLength(256)]
    public string OwnerEmail { get; init; } = "";
}

public sealed record CreatedOrganisationDto(OrganisationDto Organisation, string OwnerInvitationUrl);

public sealed record UpdateOrganisationRequest
{
    [Required, StringLength(Organisation.NameMaxLength)]
    public string Name { get; init; } = "";

    [StringLength(2, MinimumLength = 2)]
    public string? CountryCode { get; init; }
}

public sealed record InviteMemberRequest
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; init; } = "";

    [Required]
    public MemberRole? Role { get; init; }
}

/// <summary>
/// Always <c>Invited</c> with the link, shown this once: the same answer whether or not the address has an
/// account, so inviting cannot be used to find out who uses CommonThread. Nobody joins before accepting.
/// </summary>
public sealed record InviteMemberResult(string Status, Guid InvitationId, string InvitationUrl);

public sealed record TwoFactorRequirementRequest
{
    [Required]
    public bool? Required { get; init; }
}

/// <summary>An open invitation addressed to the signed-in person.</summary>
public sealed record MyInvitationDto(Guid Id, Guid OrganisationId, string OrganisationName, MemberRole Role, DateTimeOffset ExpiresAt);

public sealed record ChangeRoleRequest
{
    [Required]
    public MemberRole? Role { get; init; }
}

public sealed record CreateApiTokenRequest
{
    [Required, StringLength(ApiToken.NameMaxLength)]
    public string Name { get; init; } = "";

    [Required]
    public MemberRole? Role { get; init; }

    [Range(1, ApiTokenService.MaxLifetimeDays)]
    public int ExpiresInDays { get; init; } = 90;
}

public sealed record ApiTokenDto(Guid Id, string Name, MemberRole Role, string Prefix, string CreatedByUserId,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static ApiTokenDto From(ApiToken t) => new(t.Id, t.Name, t.Role, t.Prefix, t.UserId, t.CreatedAt, t.ExpiresAt, t.RevokedAt);
}

/// <summary>The only time the token's secret is ever shown.</summary>
public sealed record CreatedApiTokenDto(ApiTokenDto Token, string Secret);

public sealed record AuditEntryDto(DateTimeOffset At, string Actor, string Action, string Details)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.At, e.ActorName, e.Action, e.Details);
}
