namespace CommonThread.Web.Organisations;

public static class OrganisationsRegistration
{
    public static void AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<AccessService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<MembershipService>();
        services.AddScoped<ApiTokenService>();
    }
}
