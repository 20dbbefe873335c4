using System.Net;
using CommonThread.Tests.Infrastructure;

namespace CommonThread.Tests.Platform;

/// <summary>
/// The specs that measure the process's allocations run alone: nothing else allocates while they
/// measure, so the figure is the refusal's own.
/// </summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;

/// <summary>
/// Every hostile workbook, posted to every import, is refused with a ProblemDetails naming the limit it
/// breaks, writes nothing, and costs the server far less memory than the file would expand to.
/// </summary>
public abstract class UploadBombSpecs(TestApp app)
{
    /// <summary>
    /// What refusing may allocate in all, garbage included, against bombs that expand to 250 MB–1 GB. The
    /// dearest is two million rows: only reading to row 200,001 shows it is too long, which costs about
    /// 50 MB of short-lived strings, and posting its 8.7 MB through the test server about 17 MB more.
    /// </summary>
    private const long AllocationBound = 96L * 1024 * 1024;

    public static TheoryData<Bomb, UploadEndpoint> Cases()
    {
        var cases = new TheoryData<Bomb, UploadEndpoint>();
        foreach (var bomb in Bombs.All)
        {
            foreach (var endpoint in UploadEndpoint.All)
            {
                cases.Add(bomb, endpoint);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_workbook_is_refused_naming_the_limit_writes_nothing_and_allocates_little(Bomb bomb, UploadEndpoint endpoint)
    {
        var uploader = await Uploader.CreateAsync(app);
        var file = bomb.File.Value;
        var rows = await uploader.CountRowsAsync(app);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await uploader.PostAsync(endpoint, "bomb.xlsx", file);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {body}");
        var problem = await response.ProblemAsync(response.StatusCode);
        var refusal = file.Length > endpoint.MaxBytes ? $"larger than {endpoint.MaxBytes / 1024 / 1024} MB" : bomb.Refusal;
        Assert.Contains(problem.FieldErrors("file"), m => m.Contains(refusal, StringComparison.Ordinal));
        Assert.Equal(rows, await uploader.CountRowsAsync(app));
        TestContext.Current.SendDiagnosticMessage($"{bomb.Name} → {endpoint.Name}: {file.Length / 1024:N0} KB refused with {(int)response.StatusCode}, {allocated / 1024 / 1024:N1} MB allocated");
        Assert.True(allocated < AllocationBound, $"refusing allocated {allocated / 1024 / 1024:N0} MB");
    }
}

[Collection(nameof(MeasuresMemory))]
public sealed class UploadBombSpecsOnSqlite(SqliteApp app) : UploadBombSpecs(app);

[Collection(nameof(MeasuresMemory))]
public sealed class UploadBombSpecsOnPostgres(PostgresApp app) : UploadBombSpecs(app);
