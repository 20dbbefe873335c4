using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.Platform;
using CommonThread.Web.Homework;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Homework;

/// <summary>The homework register pages by name with a cursor; a homeworker leaving it between pages moves no one else.</summary>
public abstract class HomeworkerListSpecs(TestApp app) : ApiListSpecs(app)
{
    protected override string Path => "/homeworkers";

    protected override async Task<Seeded> SeedAsync()
    {
        var world = await HomeworkWorld.CreateAsync(App);
        // Two share a name, so the id decides between them.
        foreach (var (name, area) in new[] { ("Rina Akter", "Ashulia"), ("Amena Begum", "Ashulia"), ("Rina Akter", "Savar"), ("Shapla Khatun", "Ashulia"), ("Momena Das", "Ashulia") })
        {
            await world.RegisterAsync(name, area);
        }

        return new(world.Supplier, $"{world.Api}/homeworkers", () => world.RegisterAsync("Bilkis Nahar"),
            id => App.WithDbAsync(db => db.Set<Homeworker>().Where(h => h.Id == Guid.Parse(id)).ExecuteDeleteAsync()));
    }
}

public sealed class HomeworkerListSpecsOnSqlite(SqliteApp app) : HomeworkerListSpecs(app);

public sealed class HomeworkerListSpecsOnPostgres(PostgresApp app) : HomeworkerListSpecs(app);

/// <summary>Work orders page newest first with a cursor.</summary>
public abstract class WorkOrderListSpecs(TestApp app) : ApiListSpecs(app)
{
    protected override string Path => "/work-orders";

    protected override async Task<Seeded> SeedAsync()
    {
        var world = await HomeworkWorld.CreateAsync(App);
        var homeworker = (await world.RegisterAsync("Rina Akter")).Homeworker.Id;
        // Two issued on the same day, so the id decides between them.
        foreach (var daysAgo in new[] { 3, 1, 3, 7, 2 })
        {
            await world.IssueAsync(HomeworkWorld.Order(homeworker, issuedOn: HomeworkWorld.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new(world.Supplier, $"{world.Api}/work-orders", () => world.IssueAsync(HomeworkWorld.Order(homeworker)),
            id => App.WithDbAsync(db => db.Set<WorkOrder>().Where(w => w.Id == Guid.Parse(id)).ExecuteDeleteAsync()));
    }
}

public sealed class WorkOrderListSpecsOnSqlite(SqliteApp app) : WorkOrderListSpecs(app);

public sealed class WorkOrderListSpecsOnPostgres(PostgresApp app) : WorkOrderListSpecs(app);
