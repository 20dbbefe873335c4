using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Homework;

/// <summary>The homeworker page tells saved, saved-but-flagged and refused apart: a warning is never shown as a success.</summary>
public abstract class WorkOrderMessageSpecs(TestApp app)
{
    [Fact]
    public async Task Work_issued_below_the_minimum_wage_is_shown_as_a_warning_and_refused_work_as_an_error()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Shirin Akter");
        var member = await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var path = $"/o/{world.SupplierOrganisation.Id}/homework/{homeworker.Homeworker.Id}";
        Dictionary<string, string> Order(bool acceptFlags) => new()
        {
            ["Issue.Style"] = "KN-2041", ["Issue.Operation"] = "hand embroidery", ["Issue.PieceRate"] = "1.50", ["Issue.Currency"] = "BDT",
            ["Issue.StandardMinutesPerPiece"] = "2", ["Issue.Quantity"] = "100", ["Issue.DueOn"] = HomeworkWorld.Today.AddDays(14).ToString("yyyy-MM-dd"),
            ["Issue.AcceptFlags"] = acceptFlags ? "true" : "false",
        };

        var refused = await (await client.PostFormAsync(path, "issue", Order(acceptFlags: false))).Content.ReadAsStringAsync();
        var flagged = await (await client.PostFormAsync(path, "issue", Order(acceptFlags: true))).Content.ReadAsStringAsync();

        Assert.Contains("<p class=\"error\" role=\"alert\" id=\"homework-message\">", refused, StringComparison.Ordinal);
        Assert.Contains("<p class=\"warning\" role=\"status\" id=\"homework-message\">", flagged, StringComparison.Ordinal);
        Assert.Contains("below the legal minimum", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"notice\" role=\"status\" id=\"homework-message\"", flagged, StringComparison.Ordinal);
    }
}

public sealed class WorkOrderMessageSpecsOnSqlite(SqliteApp app) : WorkOrderMessageSpecs(app);

public sealed class WorkOrderMessageSpecsOnPostgres(PostgresApp app) : WorkOrderMessageSpecs(app);
