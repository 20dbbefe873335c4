using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Grievances;

public abstract class GrievanceStatisticsSpecs(TestApp app)
{
    [Fact]
    public async Task Statistics_show_groups_of_five_cases_or_more_and_hide_smaller_ones_entirely()
    {
        var (owner, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        var api = $"/api/organisations/{organisation.Id}";
        (await owner.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Statistics line", acknowledgeWithinDays = 7, feedbackWithinDays = 90, retainClosedCasesDays = 730 })).EnsureSuccessStatusCode();
        var channel = (await (await owner.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { language = "en" })).ReadAsync<ChannelDto>()).Code;
        async Task File(string category, string gender) =>
            (await owner.PostAsJsonAsync($"{api}/grievance-intake/{channel}", new { submissionId = Guid.NewGuid(), category, text = "Statistics case", gender })).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++)
        {
            await File("WagesAndPayment", "Woman");
        }

        await File("HealthAndSafety", "Man");
        await File("HealthAndSafety", "Woman");
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.MechanismId == db.Set<GrievanceMechanism>().Single(m => m.OrganisationId == organisation.Id).Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgedOn, c => c.ReceivedOn.AddDays(3))));

        var rows = (await owner.GetFromJsonAsync<List<CaseStatisticsRow>>($"{api}/grievance-statistics", Http.Json))!;
        var csv = await owner.GetStringAsync($"{api}/grievance-statistics.csv");

        Assert.Equal(7, rows.Single(r => r.Dimension == "total").Cases);
        var wages = rows.Single(r => r is { Dimension: "category", Group: "WagesAndPayment" });
        Assert.Equal((5, 3.0), (wages.Cases, wages.MedianDaysToAcknowledge));
        var safety = rows.Single(r => r is { Dimension: "category", Group: "HealthAndSafety" });
        Assert.True(safety.Suppressed);
        Assert.Null(safety.MedianDaysToAcknowledge);
        Assert.Equal(6, rows.Single(r => r is { Dimension: "reporter gender", Group: "Woman" }).Cases);
        Assert.True(rows.Single(r => r is { Dimension: "reporter gender", Group: "Man" }).Suppressed);
        Assert.Contains("HealthAndSafety,fewer than 5", csv, StringComparison.Ordinal);
    }
}

public sealed class GrievanceStatisticsSpecsOnSqlite(SqliteApp app) : GrievanceStatisticsSpecs(app);

public sealed class GrievanceStatisticsSpecsOnPostgres(PostgresApp app) : GrievanceStatisticsSpecs(app);
