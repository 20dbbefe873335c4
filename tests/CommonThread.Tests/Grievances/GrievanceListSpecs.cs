using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.Platform;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Grievances;

/// <summary>The case list pages with a cursor, urgent and overdue cases first; a case leaving it between pages moves no other.</summary>
public abstract class GrievanceListSpecs(TestApp app) : ApiListSpecs(app)
{
    protected override string Path => "/grievances";

    protected override async Task<Seeded> SeedAsync()
    {
        var (client, organisation) = await App.NewOrganisationClientAsync(OrganisationKind.Supplier);
        var mechanism = new GrievanceMechanism { OrganisationId = organisation.Id, Name = $"List specs {Guid.NewGuid():N}" };
        await App.WithDbAsync(async db =>
        {
            db.Add(mechanism);
            return await db.SaveChangesAsync();
        });
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        // An urgent one, one overdue, and three received the same day or not, so every key of the order decides somewhere.
        foreach (var (urgent, daysAgo) in new[] { (false, 2), (true, 1), (false, 30), (false, 2), (false, 0) })
        {
            await FileAsync(mechanism.Id, organisation.Id, urgent, today.AddDays(-daysAgo));
        }

        return new(client, $"/api/organisations/{organisation.Id}/grievances", () => FileAsync(mechanism.Id, organisation.Id, false, today),
            id => App.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == Guid.Parse(id)).ExecuteDeleteAsync()));
    }

    /// <summary>A case as the intake stores it, straight in the database: the list reads only what is not encrypted.</summary>
    private Task FileAsync(Guid mechanismId, Guid organisationId, bool urgent, DateOnly receivedOn) => App.WithDbAsync(async db =>
    {
        var grievance = new GrievanceCase
        {
            MechanismId = mechanismId, Reference = $"GR-{Guid.NewGuid():N}"[..11].ToUpperInvariant(), ReceiptHash = Guid.NewGuid().ToByteArray(),
            SubmissionHash = Guid.NewGuid().ToByteArray(), Language = "en", Urgent = urgent, ReceivedOn = receivedOn, AcknowledgeBy = receivedOn.AddDays(7),
            FeedbackBy = receivedOn.AddDays(90), WrappedKey = [1], Report = [1],
        };
        db.AddRange(grievance, new CaseParty { CaseId = grievance.Id, OrganisationId = organisationId, Role = PartyRole.Supplier });
        return await db.SaveChangesAsync();
    });
}

public sealed class GrievanceListSpecsOnSqlite(SqliteApp app) : GrievanceListSpecs(app);

public sealed class GrievanceListSpecsOnPostgres(PostgresApp app) : GrievanceListSpecs(app);
