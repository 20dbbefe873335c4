using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CommonThread.Tests.Operator;

/// <summary>The operator commands, run as a real process of the built app against a fresh SQLite file.</summary>
public sealed class OperatorCliSpecs : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("commonthread-cli-").FullName;

    private string Database => Path.Combine(folder, "cli.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CommonThread.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Database}";
        start.Environment["Demo__Seed"] = "false";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public async Task Migrate_then_create_an_organisation_with_its_owner_then_reset_the_password()
    {
        var migrated = await RunAsync("migrate");
        Assert.Equal(0, migrated.ExitCode);
        Assert.Equal("0", Scalar("SELECT COUNT(*) FROM Organisations"));

        var created = await RunAsync("create-org", "--name", "Acme Brand", "--kind", "brand", "--country", "DE",
            "--owner-email", "Owner@Acme.example", "--owner-password", "a-long-password-1");
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Equal("Brand", Scalar("SELECT Kind FROM Organisations WHERE Name = 'Acme Brand'"));
        Assert.Equal("Owner", Scalar("SELECT m.Role FROM Memberships m JOIN AspNetUsers u ON u.Id = m.UserId WHERE u.Email = 'owner@acme.example'"));
        var hashBefore = Scalar("SELECT PasswordHash FROM AspNetUsers WHERE Email = 'owner@acme.example'");

        var reset = await RunAsync("reset-password", "--email", "owner@acme.example", "--password", "another-password-2");
        Assert.True(reset.ExitCode == 0, reset.Output);
        Assert.NotEqual(hashBefore, Scalar("SELECT PasswordHash FROM AspNetUsers WHERE Email = 'owner@acme.example'"));
    }

    [Fact]
    public async Task A_bad_owner_password_creates_neither_the_organisation_nor_the_owner()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);

        var created = await RunAsync("create-org", "--name", "Half Made", "--kind", "Supplier", "--owner-email", "x@half.example", "--owner-password", "short");

        Assert.Equal(2, created.ExitCode);
        Assert.Contains("password", created.Output);
        Assert.Equal("0", Scalar("SELECT COUNT(*) FROM Organisations"));
        Assert.Equal("0", Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }
}
