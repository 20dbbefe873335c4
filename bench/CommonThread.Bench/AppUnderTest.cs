using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CommonThread.Bench;

/// <summary>
/// The app as a benchmark drives it: its own process, on a fresh PostgreSQL database made with the
/// app's own migrate and create-org commands, reached over loopback with an API token of the one
/// organisation. Disposing stops the process and drops the database.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private const string Password = "bench-password-2026-long";
    private readonly string server;
    private readonly string database;
    private Process? process;

    private readonly string web;
    private readonly string[] settings;

    private AppUnderTest(string server, string database, string connectionString, string web, string[] settings)
    {
        (this.server, this.database, ConnectionString, this.web, this.settings) = (server, database, connectionString, web, settings);
    }

    public string ConnectionString { get; }

    public Guid OrganisationId { get; private set; }

    public HttpClient Http { get; private set; } = default!;

    public int ProcessId => process?.Id ?? 0;

    /// <param name="extraSettings">Configuration for the app on top of the database, as <c>--Section:Key=value</c>.</param>
    public static async Task<AppUnderTest> StartAsync(string server, int port, string organisationName, string kind, params string[] extraSettings)
    {
        var web = Path.Combine(RepositoryRoot(), "src/CommonThread.Web/bin/Release/net10.0/CommonThread.Web.dll");
        if (!File.Exists(web))
        {
            throw new InvalidOperationException($"build the app first (dotnet build -c Release src/CommonThread.Web): {web} is missing");
        }

        var database = $"ct_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        string[] settings = ["--Database:Provider=Postgres", $"--Database:ConnectionString={connectionString}", "--Demo:Seed=false",
            $"--Grievances:MasterKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}", .. extraSettings];
        var app = new AppUnderTest(server, database, connectionString, web, settings);
        await RunToEndAsync(web, ["migrate", .. settings]);
        app.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        (app.OrganisationId, app.Http) = await app.CreateOrganisationAsync(organisationName, kind);
        app.process = Start(web, [$"--Urls={app.BaseAddress}", .. settings]);
        await WaitAliveAsync(app.Http);
        return app;
    }

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Another organisation made with the app's create-org command, and a client holding its owner's API token.</summary>
    public async Task<(Guid OrganisationId, HttpClient Http)> CreateOrganisationAsync(string name, string kind)
    {
        var email = $"owner-{Guid.NewGuid():N}@bench.example";
        ownerEmails[name] = email;
        await RunToEndAsync(web, ["create-org", "--name", name, "--kind", kind, "--owner-email", email, "--owner-password", Password, .. settings]);
        var (organisationId, token) = await NewTokenAsync(ConnectionString, name);
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (organisationId, http);
    }

    private readonly Dictionary<string, string> ownerEmails = [];

    /// <summary>A client signed in through the real sign-in form as the owner of the named organisation, holding its cookie, as a browser would.</summary>
    public async Task<HttpClient> SignedInOwnerAsync(string organisationName)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        await SignInAsync(http, ownerEmails[organisationName], Password);
        return http;
    }

    /// <summary>Signs the client (which keeps cookies and does not follow redirects) in through the real sign-in form.</summary>
    public static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token), ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Http?.Dispose();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }

    /// <summary>An owner's API token, stored as the app stores them (SHA-256 of the secret).</summary>
    private static async Task<(Guid OrganisationId, string Token)> NewTokenAsync(string connection, string organisationName)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var find = new NpgsqlCommand("""SELECT m."OrganisationId", m."UserId" FROM "Memberships" m JOIN "Organisations" o ON o."Id" = m."OrganisationId" WHERE o."Name" = @name""", db);
        find.Parameters.AddWithValue("name", organisationName);
        await using var reader = await find.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (organisationId, userId) = (reader.GetGuid(0), reader.GetString(1));
        await reader.CloseAsync();
        var secret = "ct_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var insert = new NpgsqlCommand("""
            INSERT INTO "ApiTokens" ("Id", "OrganisationId", "UserId", "Name", "Role", "Prefix", "SecretHash", "CreatedAt", "ExpiresAt")
            VALUES (@id, @org, @user, 'bench', 'Owner', @prefix, @hash, now(), now() + interval '1 day')
            """, db);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("org", organisationId);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("prefix", secret[..10]);
        insert.Parameters.AddWithValue("hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        await insert.ExecuteNonQueryAsync();
        return (organisationId, secret);
    }

    private static async Task RunToEndAsync(string web, string[] args)
    {
        using var process = Start(web, args);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{args[0]} exited with {process.ExitCode}");
        }
    }

    private static Process Start(string web, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(web)! };
        start.ArgumentList.Add(web);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Executed DbCommand", StringComparison.Ordinal) == true) { Console.Error.WriteLine("    sql: " + e.Data.Trim()[..Math.Min(e.Data.Trim().Length, 300)]); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("    app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitAliveAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/alive")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the app did not start within a minute");
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommonThread.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
