using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Grievances;

public abstract class GrievanceStatisticsSpecs(TestApp app)
{
    [Fact]
    public async Task Statistics_show_groups_of_five_cases_or_more_and_hide_smaller_ones_and_any_group_that_would_give_a_small_one_away()
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
        for (var i = 0; i < 3; i++)
        {
            await File("WorkingHours", "Woman");
        }

        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.MechanismId == db.Set<GrievanceMechanism>().Single(m => m.OrganisationId == organisation.Id).Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgedOn, c => c.ReceivedOn.AddDays(3))));

        var rows = (await owner.GetFromJsonAsync<List<CaseStatisticsRow>>($"{api}/grievance-statistics", Http.Json))!;
        var csv = await owner.GetStringAsync($"{api}/grievance-statistics.csv");

        Assert.Equal(10, rows.Single(r => r.Dimension == "total").Cases);
        var wages = rows.Single(r => r is { Dimension: "category", Group: "WagesAndPayment" });
        Assert.Equal((5, 3.0), (wages.Cases, wages.MedianDaysToAcknowledge));
        var safety = rows.Single(r => r is { Dimension: "category", Group: "HealthAndSafety" });
        Assert.True(safety.Suppressed);
        Assert.Null(safety.MedianDaysToAcknowledge);
        Assert.True(rows.Single(r => r is { Dimension: "category", Group: "WorkingHours" }).Suppressed);
        Assert.True(rows.Single(r => r is { Dimension: "reporter gender", Group: "Man" }).Suppressed);
        // Nine women shown beside a total of ten would give away the one man: they are hidden too.
        Assert.True(rows.Single(r => r is { Dimension: "reporter gender", Group: "Woman" }).Suppressed);
        Assert.Contains("HealthAndSafety,fewer than 5", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_shows_the_reporters_gender_only_to_a_party_the_reporter_let_know_who_they_are_so_it_cannot_undo_the_statistics()
    {
        var (owner, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        var api = $"/api/organisations/{organisation.Id}";
        (await owner.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Gender line", acknowledgeWithinDays = 7, feedbackWithinDays = 90, retainClosedCasesDays = 730 })).EnsureSuccessStatusCode();
        var channel = (await (await owner.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { language = "en" })).ReadAsync<ChannelDto>()).Code;
        async Task<CaseDetail> FileAndOpen(object report)
        {
            var receipt = await (await owner.PostAsJsonAsync($"{api}/grievance-intake/{channel}", report)).ReadAsync<Receipt>();
            var summary = (await owner.GetFromJsonAsync<List<CaseSummary>>($"{api}/grievances", Http.Json))!.Single(c => c.Reference == receipt.Reference);
            return (await owner.GetFromJsonAsync<CaseDetail>($"{api}/grievances/{summary.Id}", Http.Json))!;
        }

        var anonymous = await FileAndOpen(new { submissionId = Guid.NewGuid(), category = "Dismissal", text = "The only man on line 4", gender = "Man", anonymous = true });
        var named = await FileAndOpen(new { submissionId = Guid.NewGuid(), category = "Dismissal", text = "Named report", gender = "Man", anonymous = false, name = "Rahim", identityVisibleTo = "Supplier" });

        Assert.Equal(ReporterGender.NotGiven, anonymous.ReporterGender);
        Assert.Equal(ReporterGender.Man, named.ReporterGender);
        Assert.Equal("Rahim", named.Reporter?.Name);
    }
}

public sealed class GrievanceStatisticsSpecsOnSqlite(SqliteApp app) : GrievanceStatisticsSpecs(app);

public sealed class GrievanceStatisticsSpecsOnPostgres(PostgresApp app) : GrievanceStatisticsSpecs(app);
