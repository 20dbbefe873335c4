namespace CommonThread.Web.Demo;

public static class DemoRegistration
{
    public static void AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccountability.Services>();
    }

    /// <summary>Seeds when <c>Demo:Seed</c> is true (the default for <c>dotnet run</c>; off for deployments).</summary>
    public static async Task SeedDemoDataIfWantedAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping))
        {
            app.Logger.LogInformation("Loaded demo data: {Count} organisations", DemoAccounts.All.Count);
        }
    }

    public static void PrintDemoAccounts(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        Console.WriteLine($"Demo accounts (password for all: {DemoAccounts.Password}):");
        foreach (var demo in DemoAccounts.All)
        {
            Console.WriteLine($"  {demo.OwnerEmail,-34} owner of {demo.Name} ({demo.Kind}, {demo.Country})");
        }

        Console.WriteLine($"Platform administrators must use two-factor sign-in: add the key {DemoAccounts.AdminAuthenticatorKey} to an authenticator app");
        Console.WriteLine($"  (otpauth://totp/CommonThread:admin%40commonthread.example?secret={DemoAccounts.AdminAuthenticatorKey}&issuer=CommonThread&digits=6)");
    }
}
