using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Organisations;

/// <summary>The dashboard lists what needs acting on, counted as each feature's own lists count it.</summary>
public abstract class DashboardSpecs(TestApp app)
{
    [Fact]
    public async Task A_brands_overdue_case_is_on_its_dashboard_and_never_on_a_competitors()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var competitor = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var reference = await OverdueCaseAsync(brand.Id);
        var mine = await app.SignedInAsync((await app.NewMemberAsync(brand.Name, MemberRole.Viewer)).Email, TestMember.Password);
        var theirs = await app.SignedInAsync((await app.NewMemberAsync(competitor.Name, MemberRole.Viewer)).Email, TestMember.Password);

        var own = await mine.GetStringAsync($"/o/{brand.Id}");
        var other = await theirs.GetStringAsync($"/o/{competitor.Id}");

        Assert.Contains(reference, own, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\" id=\"cases-overdue\">1</span>", own, StringComparison.Ordinal);
        Assert.Contains("id=\"cases-needing-action\"", own, StringComparison.Ordinal);
        Assert.Contains("class=\"warning\" role=\"status\" id=\"needs-action\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, other, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\" id=\"cases-overdue\">0</span>", other, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cases-needing-action\"", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_of_cases_comes_with_its_figures_as_text()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        await OverdueCaseAsync(brand.Id);
        var client = await app.SignedInAsync((await app.NewMemberAsync(brand.Name, MemberRole.Viewer)).Email, TestMember.Password);

        var html = await client.GetStringAsync($"/o/{brand.Id}");

        var panel = html[html.IndexOf("id=\"panel-grievances\"", StringComparison.Ordinal)..];
        Assert.Contains("<svg role=\"img\" aria-label=\"Open cases by deadline\"", panel, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Past a deadline</th><td>1</td></tr>", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_kind_sees_only_panels_whose_pages_its_navigation_offers()
    {
        var admin = await app.NewMemberAsync("CommonThread Platform", MemberRole.Owner);
        var union = await app.NewMemberAsync("Bangladesh Garment Workers Federation (demo)", MemberRole.Viewer);

        var adminHtml = await (await app.SignedInAsync(admin.Email, TestMember.Password)).GetStringAsync($"/o/{admin.OrganisationId}");
        var unionHtml = await (await app.SignedInAsync(union.Email, TestMember.Password)).GetStringAsync($"/o/{union.OrganisationId}");

        Assert.Contains("id=\"presence-to-verify\"", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"panel-grievances\"", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"panel-homework\"", adminHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"panel-grievances\"", unionHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"panel-corrective-plans\"", unionHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"panel-homework\"", unionHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"links-to-confirm\"", unionHtml, StringComparison.Ordinal);
    }

    /// <summary>A case filed through the brand's own grievance line, its acknowledgement due yesterday; returns its reference.</summary>
    private async Task<string> OverdueCaseAsync(Guid brandId)
    {
        var code = "d" + Guid.NewGuid().ToString("N")[..12];
        await app.WithDbAsync(async db =>
        {
            var mechanism = new GrievanceMechanism { OrganisationId = brandId, Name = "Dashboard line", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(mechanism, new GrievanceChannel { MechanismId = mechanism.Id, Code = code });
            return await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<IntakeService>().SubmitAsync(code, new()
        {
            SubmissionId = Guid.NewGuid(), Category = GrievanceCategory.Other, Text = "Dashboard report",
        }, CancellationToken.None);
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Reference == receipt.Reference)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AcknowledgeBy, yesterday)));
        return receipt.Reference;
    }
}

public sealed class DashboardSpecsOnSqlite(SqliteApp app) : DashboardSpecs(app);

public sealed class DashboardSpecsOnPostgres(PostgresApp app) : DashboardSpecs(app);
