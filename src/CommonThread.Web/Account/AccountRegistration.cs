namespace CommonThread.Web.Account;

public static class AccountRegistration
{
    public static void AddAccount(this IServiceCollection services) => services.AddScoped<AccountService>();
}
