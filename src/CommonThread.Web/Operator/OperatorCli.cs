using CommonThread.Web.Account;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Operator;

/// <summary>
/// Operator commands run through the same program: <c>dotnet run --project src/CommonThread.Web -- COMMAND</c>.
/// Part of the shell (with Components and Demo), not Platform: it composes several features (Organisations, Account).
/// For deployments with no demo data and for those that migrate separately from starting the app.
/// </summary>
public static class OperatorCli
{
    private static readonly string[] Commands = ["migrate", "create-org", "reset-password", "lock-account", "unlock-account", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = ParseOptions(args.Skip(1).ToArray());
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await app.Services.MigrateDatabaseAsync();
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "create-org":
                    return await CreateOrganisationAsync(app, options);
                case "reset-password":
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<AccountService>()
                            .ResetPasswordAsync(Required(options, "email"), Required(options, "password"));
                    }

                    Console.WriteLine("Password reset; the account is unlocked.");
                    return 0;
                case "lock-account" or "unlock-account":
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
                        var email = Required(options, "email");
                        await (args[0] == "lock-account" ? accounts.LockAsync(email) : accounts.UnlockAsync(email));
                    }

                    Console.WriteLine(args[0] == "lock-account"
                        ? "Account locked: sign-in refused, open sessions ended, API tokens stopped."
                        : "Account unlocked.");
                    return 0;
                default:
                    PrintHelp();
                    return 0;
            }
        }
        catch (RuleViolation e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Field}: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> CreateOrganisationAsync(WebApplication app, Dictionary<string, string> options)
    {
        if (!Enum.TryParse<OrganisationKind>(Required(options, "kind"), ignoreCase: true, out var kind))
        {
            throw new RuleViolation("kind", $"Kind is one of: {string.Join(", ", Enum.GetNames<OrganisationKind>())}.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CommonThread.Data.AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var organisation = await services.GetRequiredService<OrganisationService>()
            .CreateAsync(Required(options, "name"), kind, options.GetValueOrDefault("country"), CancellationToken.None);
        var owner = await services.GetRequiredService<AccountService>()
            .CreateUserAsync(Required(options, "owner-email"), options.GetValueOrDefault("owner-name") ?? Required(options, "owner-email"), Required(options, "owner-password"));
        db.Add(new Membership { OrganisationId = organisation.Id, UserId = owner.Id, Role = MemberRole.Owner, JoinedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        Console.WriteLine($"Created {kind} '{organisation.Name}' ({organisation.Id}) with owner {owner.Email}.");
        return 0;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new RuleViolation(name, $"--{name} is required.");

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[i + 1];
            }
        }

        return options;
    }

    private static void PrintHelp() => Console.WriteLine("""
        Commands:
          migrate                                  apply database migrations and exit
          create-org --name NAME --kind KIND [--country CC]
                     --owner-email EMAIL --owner-password PASSWORD [--owner-name NAME]
                                                   create an organisation and its first owner
          reset-password --email EMAIL --password PASSWORD
                                                   set a new password and unlock the account
          lock-account --email EMAIL               lock a person out: no sign-in, sessions end, API tokens stop
          unlock-account --email EMAIL             let them in again (their tokens work again)
        Kinds: Brand, Supplier, Intermediary, Union, Initiative, PlatformAdmin
        """);
}
