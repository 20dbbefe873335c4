namespace CommonThread.Web.SupplyChain;

public static class SupplyChainRegistration
{
    public static void AddSupplyChain(this IServiceCollection services)
    {
        services.AddScoped<SupplyChainService>();
        services.AddScoped<FoaProfileService>();
    }
}
