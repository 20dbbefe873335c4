using System.Net;
using System.Net.Http.Json;
using CommonThread.Data;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Platform.Jobs;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>Apps of their own whose import worker does not run: the specs run workers by hand, as other processes or as this one.</summary>
public sealed class ManualImportSqliteApp : SqliteApp
{
    protected override bool RunsImportWorker => false;
}

public sealed class ManualImportPostgresApp : PostgresApp
{
    protected override bool RunsImportWorker => false;
}

/// <summary>An import interrupted by a stop, a crash or an outage is never left "Running": it goes back to the queue or, after too many tries, fails with a reason.</summary>
public abstract class ImportLeaseSpecs(TestApp app)
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private FacilityImportWorker Worker() => ActivatorUtilities.CreateInstance<FacilityImportWorker>(app.Services);

    private async Task<(Importer Importer, Guid Id, string Word)> PreviewedAsync()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();
        // Addresses as unique as the names: rows like another spec's would go to review instead of becoming facilities.
        var import = await importer.PreviewAsync($"country,name,address\nBD,{w} Knit,Plot 1 {w} Road\nBD,{w} Denim,Plot 2 {w} Lane\n");
        // The queue is this app's alone and its specs run one after another: what an earlier spec left
        // queued or running is set aside, so the worker here takes this import and no other.
        await app.WithDbAsync(db => db.Set<FacilityImport>().Where(i => i.Id != import.Id && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Completed).SetProperty(i => i.RunningOn, (string?)null)));
        return (importer, import.Id, w);
    }

    private Task<FacilityImport> ReadAsync(Guid id) => app.WithDbAsync(db => db.Set<FacilityImport>().AsNoTracking().SingleAsync(i => i.Id == id));

    private Task SetAsync(Guid id, ImportStatus status, string? runningOn, DateTimeOffset? leaseUntil, int attempts) => app.WithDbAsync(db =>
        db.Set<FacilityImport>().Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status).SetProperty(i => i.RunningOn, runningOn)
            .SetProperty(i => i.LeaseUntil, leaseUntil).SetProperty(i => i.Attempts, attempts).SetProperty(i => i.StartedAt, Now.AddMinutes(-2))));

    /// <summary>Leases as another process of this machine would hold them: one that is not this process.</summary>
    private async Task<T> AsAnotherProcessAsync<T>(Func<ImportLeases, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(new ImportLeases(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new JobNode(), TimeProvider.System));
    }

    [Fact]
    public async Task A_running_import_whose_lease_ran_out_is_taken_again_at_once_and_completes()
    {
        var (_, id, w) = await PreviewedAsync();
        await SetAsync(id, ImportStatus.Running, "another-machine/4242/0badf00d", Now.AddSeconds(-1), 1);

        Assert.True(await Worker().RunNextAsync(TestContext.Current.CancellationToken));

        var import = await ReadAsync(id);
        Assert.Equal(ImportStatus.Completed, import.Status);
        Assert.Equal(2, import.NewFacilities);
        Assert.Null(import.RunningOn);
        Assert.Null(import.LeaseUntil);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<CommonThread.Web.SupplyChain.Facility>().CountAsync(f => f.Name.StartsWith(w))));
    }

    [Fact]
    public async Task An_import_held_by_a_process_of_this_machine_that_is_gone_is_taken_again_without_waiting_for_its_lease()
    {
        var (_, id, _) = await PreviewedAsync();
        await SetAsync(id, ImportStatus.Running, $"{Environment.MachineName}/999999999/0badf00d", Now.AddMinutes(1), 1);

        var recovered = await app.WithDbAsync(db => new ImportLeases(db, app.Services.GetRequiredService<JobNode>(), TimeProvider.System).RecoverAbandonedAsync(CancellationToken.None));

        Assert.True(recovered >= 1);
        Assert.Equal(ImportStatus.Queued, (await ReadAsync(id)).Status);
    }

    [Fact]
    public async Task An_import_running_under_a_live_lease_elsewhere_is_left_alone_and_cannot_be_started_twice()
    {
        var (importer, id, _) = await PreviewedAsync();
        await SetAsync(id, ImportStatus.Running, "another-machine/4242/0badf00d", Now.AddMinutes(1), 1);

        await app.WithDbAsync(db => new ImportLeases(db, app.Services.GetRequiredService<JobNode>(), TimeProvider.System).RecoverAbandonedAsync(CancellationToken.None));
        var start = await importer.Client.PostAsync($"{importer.Api}/imports/{id}/start", null);

        await start.ProblemAsync(HttpStatusCode.Conflict);
        var import = await ReadAsync(id);
        Assert.Equal(ImportStatus.Running, import.Status);
        Assert.Equal("another-machine/4242/0badf00d", import.RunningOn);
    }

    [Fact]
    public async Task An_abandoned_import_can_be_started_again_without_a_conflict()
    {
        var (importer, id, _) = await PreviewedAsync();
        await SetAsync(id, ImportStatus.Running, "another-machine/4242/0badf00d", Now.AddSeconds(-5), 2);

        var start = await importer.Client.PostAsync($"{importer.Api}/imports/{id}/start", null);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var import = await ReadAsync(id);
        Assert.Equal(ImportStatus.Queued, import.Status);
        Assert.Null(import.RunningOn);
        Assert.Equal(0, import.Attempts);
    }

    [Fact]
    public async Task A_worker_stopped_mid_run_puts_its_import_back_in_the_queue_at_once_and_it_runs_later()
    {
        var (_, id, _) = await PreviewedAsync();
        await SetAsync(id, ImportStatus.Queued, null, null, 0);
        var claimed = await app.WithDbAsync(db => new ImportLeases(db, app.Services.GetRequiredService<JobNode>(), TimeProvider.System).ClaimNextAsync(CancellationToken.None));
        Assert.Equal(id, claimed);
        Assert.Equal(1, (await ReadAsync(id)).Attempts);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Worker().RunClaimedAsync(id, stopping.Token));

        var released = await ReadAsync(id);
        Assert.Equal(ImportStatus.Queued, released.Status);
        Assert.Null(released.RunningOn);
        Assert.Null(released.LeaseUntil);
        Assert.Equal(0, released.Attempts);
        Assert.True(await Worker().RunNextAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ImportStatus.Completed, (await ReadAsync(id)).Status);
    }

    [Fact]
    public async Task An_import_interrupted_three_times_fails_with_a_reason_the_user_reads_and_can_be_started_again()
    {
        var (importer, id, _) = await PreviewedAsync();
        await SetAsync(id, ImportStatus.Queued, null, null, 0);
        var statuses = new List<ImportStatus>();

        for (var run = 1; run <= ImportLeases.MaxAttempts; run++)
        {
            // A process of this machine claims it and dies; this one finds it gone when it next looks.
            Assert.Equal(id, await AsAnotherProcessAsync(leases => leases.ClaimNextAsync(CancellationToken.None)));
            await app.WithDbAsync(db => new ImportLeases(db, app.Services.GetRequiredService<JobNode>(), TimeProvider.System).RecoverAbandonedAsync(CancellationToken.None));
            statuses.Add((await ReadAsync(id)).Status);
        }

        Assert.Equal([ImportStatus.Queued, ImportStatus.Queued, ImportStatus.Failed], statuses);
        var shown = (await importer.Client.GetFromJsonAsync<ImportDto>($"{importer.Api}/imports/{id}", Http.Json))!;
        Assert.Equal(ImportStatus.Failed, shown.Status);
        Assert.Contains("interrupted 3 times", shown.Failure, StringComparison.Ordinal);
        Assert.Contains("Nothing of it was written", shown.Failure, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await importer.Client.PostAsync($"{importer.Api}/imports/{id}/start", null)).StatusCode);
        Assert.Equal(0, (await ReadAsync(id)).Attempts);
    }
}

public sealed class ImportLeaseSpecsOnSqlite(ManualImportSqliteApp app) : ImportLeaseSpecs(app), IClassFixture<ManualImportSqliteApp>;

public sealed class ImportLeaseSpecsOnPostgres(ManualImportPostgresApp app) : ImportLeaseSpecs(app), IClassFixture<ManualImportPostgresApp>;
