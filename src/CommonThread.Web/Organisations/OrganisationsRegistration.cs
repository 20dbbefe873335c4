using CommonThread.Web.Platform.Identity;
using Microsoft.AspNetCore.Authentication;

namespace CommonThread.Web.Organisations;

public static class OrganisationsRegistration
{
    public static void AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<AccessService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<MembershipService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<InvitationInbox>();
        services.AddScoped<ITwoFactorRequirement, TwoFactorRequirement>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(IdentityRegistration.ApiTokenScheme, null);
    }
}
