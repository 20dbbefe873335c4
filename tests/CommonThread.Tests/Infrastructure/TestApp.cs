using System.Net.Http.Headers;
using CommonThread.Data;
using CommonThread.Web.Demo;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Crypto;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Infrastructure;

/// <summary>
/// The whole application over real HTTP (test server), on a fresh database of one provider, with the
/// demo organisations loaded. Tests make their own extra members and tokens, so they can share one app.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public abstract string ProviderName { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>What the app logged, when <see cref="CapturesLogs"/>.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>An app of its own whose logs a spec reads.</summary>
    protected virtual bool CapturesLogs => false;

    /// <summary>False for an app whose specs run the import worker by hand, so the hosted one takes nothing from them.</summary>
    protected virtual bool RunsImportWorker => true;

    /// <summary>
    /// True for an app whose periodic jobs run on Quartz's clustered PostgreSQL store, as a deployment's do. Off
    /// for the rest: hundreds of short-lived apps each dropping its database would leave Quartz's store retrying
    /// a database that is gone; the two-node specs and the topology's failover check cover the clustered store.
    /// </summary>
    protected virtual bool ClusteredJobs => false;

    /// <summary>Settings a derived app changes (rate limits, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:TokenCreationPerMinute", "10000");
        builder.UseSetting("RateLimits:ReceiptCodePer15Minutes", "10000");
        builder.UseSetting("RateLimits:WrongReceiptCodesPer15Minutes", "10000");
        builder.UseSetting("RateLimits:IntakeBurstPerChannel", "10000");
        builder.UseSetting("RateLimits:IntakePerHourPerChannel", "10000");
        builder.UseSetting("Grievances:MasterKey", Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("test master key"u8)));
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<RequestWrites>();
            services.ConfigureDbContext<AppDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<RequestWrites>()));
            if (CapturesLogs)
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            }

            if (!RunsImportWorker)
            {
                foreach (var worker in services.Where(d => d.ImplementationType == typeof(CommonThread.Web.SupplyChain.Imports.FacilityImportWorker)).ToList())
                {
                    services.Remove(worker);
                }
            }
        });
    }

    /// <summary>
    /// The database and extra settings as host settings too: the program reads them while it registers its
    /// services (the job store is chosen there), before the web host's own settings are applied.
    /// </summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = ProviderName, ["Database:ConnectionString"] = ConnectionString, ["Jobs:Clustered"] = ClusteredJobs ? "true" : "false",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureHostConfiguration(c => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(c, settings));
        return base.CreateHost(builder);
    }

    public virtual ValueTask InitializeAsync()
    {
        _ = Services; // starts the host: migrates and seeds
        return ValueTask.CompletedTask;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Organisation> OrganisationAsync(string name) =>
        WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Name == name));

    /// <summary>A fresh organisation no other test touches, with no members yet.</summary>
    public Task<Organisation> NewOrganisationAsync(OrganisationKind kind) => WithDbAsync(async db =>
    {
        var organisation = new Organisation { Name = $"Test {kind} {Guid.NewGuid():N}", Kind = kind, CreatedAt = DateTimeOffset.UnixEpoch };
        db.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    });

    /// <summary>A fresh organisation no other test touches, and an API client of a new member of it with the given role.</summary>
    public async Task<(HttpClient Client, Organisation Organisation)> NewOrganisationClientAsync(OrganisationKind kind, MemberRole role = MemberRole.Editor)
    {
        var organisation = await NewOrganisationAsync(kind);
        return (await ClientForAsync(await NewMemberAsync(organisation.Name, role)), organisation);
    }

    /// <summary>A new person with the given role in the named organisation.</summary>
    public async Task<TestMember> NewMemberAsync(string organisationName, MemberRole role)
    {
        var organisation = await OrganisationAsync(organisationName);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"m{Guid.NewGuid():N}@test.example";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Test " + role, EmailConfirmed = true };
        var created = await users.CreateAsync(user, TestMember.Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new Membership { OrganisationId = organisation.Id, UserId = user.Id, Role = role, JoinedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync();
        if (organisation.RequiresTwoFactor)
        {
            // As a real member of it would have to: platform administrators and members of organisations that require it.
            await EnableTwoFactorAsync(user.Id);
        }

        return new TestMember(user.Id, email, organisation.Id);
    }

    /// <summary>Turns on two-factor sign-in for a person as the two-factor page does; returns their authenticator key.</summary>
    public async Task<string> EnableTwoFactorAsync(string userId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"no user {userId}");
        await users.ResetAuthenticatorKeyAsync(user);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The code the person's authenticator app shows now, or null when they have no key.</summary>
    public async Task<string?> CurrentTwoFactorCodeAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key
            ? CommonThread.BrowserTests.Infrastructure.Totp.Code(key, TimeProvider.System.GetUtcNow())
            : null;
    }

    /// <summary>An API client acting as the member, through a real token stored as the app stores them.</summary>
    public async Task<HttpClient> ClientForAsync(TestMember member, MemberRole? tokenRole = null)
    {
        var secret = Secrets.New("ct_");
        await WithDbAsync(async db =>
        {
            var role = tokenRole ?? await db.Set<Membership>().Where(m => m.UserId == member.UserId && m.OrganisationId == member.OrganisationId).Select(m => m.Role).SingleAsync();
            db.Add(new ApiToken
            {
                OrganisationId = member.OrganisationId, UserId = member.UserId, Name = "test", Role = role,
                Prefix = secret[..10], SecretHash = Secrets.Hash(secret),
                CreatedAt = DateTimeOffset.UnixEpoch, ExpiresAt = DateTimeOffset.MaxValue.AddDays(-1),
            });
            return await db.SaveChangesAsync();
        });
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public async Task<HttpClient> OwnerClientAsync(string organisationName) =>
        await ClientForAsync(await NewMemberAsync(organisationName, MemberRole.Owner));

    public static string DemoPassword => DemoAccounts.Password;
}

public sealed record TestMember(string UserId, string Email, Guid OrganisationId)
{
    public const string Password = "test-password-12345";
}
