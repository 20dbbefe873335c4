using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.Platform;
using CommonThread.Web.Assessments;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Assessments;

/// <summary>The assignments a supplier is asked to answer page newest first with a cursor.</summary>
public abstract class AssignmentListSpecs(TestApp app) : ApiListSpecs(app)
{
    protected override string Path => "/assignments";

    protected override async Task<Seeded> SeedAsync()
    {
        var world = await AssessmentWorld.CreateAsync(App);
        var now = TimeProvider.System.GetUtcNow();
        // Two sent at the same moment, so the facility and then the id decide between them.
        foreach (var hoursAgo in new[] { 5, 1, 5, 9, 3 })
        {
            await AssignAsync(world, now.AddHours(-hoursAgo));
        }

        return new(world.Supplier, $"{world.SupplierApi}/assignments", () => AssignAsync(world, now),
            id => App.WithDbAsync(db => db.Set<Assignment>().Where(a => a.Id == Guid.Parse(id)).ExecuteDeleteAsync()));
    }

    private Task AssignAsync(AssessmentWorld world, DateTimeOffset at) => App.WithDbAsync(async db =>
    {
        db.Add(new Assignment
        {
            QuestionnaireId = AssessmentWorld.StarterId, AssignedByOrganisationId = world.BrandOrganisation.Id, FacilityId = world.FacilityId,
            RespondentOrganisationId = world.SupplierOrganisation.Id, DueOn = AssessmentWorld.Today.AddDays(14), AssignedAt = at,
        });
        return await db.SaveChangesAsync();
    });
}

public sealed class AssignmentListSpecsOnSqlite(SqliteApp app) : AssignmentListSpecs(app);

public sealed class AssignmentListSpecsOnPostgres(PostgresApp app) : AssignmentListSpecs(app);
