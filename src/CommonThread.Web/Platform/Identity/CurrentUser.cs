using System.Security.Claims;

namespace CommonThread.Web.Platform.Identity;

/// <summary>Who is making this request: a signed-in person, an API token acting for one, or nobody (CLI, anonymous).</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public const string TokenOrganisationClaim = "ct:token_org";
    public const string TokenRoleClaim = "ct:token_role";

    private ClaimsPrincipal? Principal => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The name to record in audit entries; "operator" for the command line.</summary>
    public string ActorName => Principal?.FindFirstValue(ClaimTypes.Name) ?? "operator";

    /// <summary>Set when the request is authenticated by an API token, which is bound to one organisation.</summary>
    public Guid? TokenOrganisationId =>
        Guid.TryParse(Principal?.FindFirstValue(TokenOrganisationClaim), out var id) ? id : null;

    public string? TokenRole => Principal?.FindFirstValue(TokenRoleClaim);
}
