using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Organisations;

/// <summary>Each kind of organisation is offered its own work in the navigation, and every page offered serves it.</summary>
public abstract partial class NavigationSpecs(TestApp app)
{
    private const string Base = "dashboard";

    /// <summary>What each demo organisation's editor is offered, written out here rather than read from the app.</summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "Northwind Apparel", "dashboard facilities chain map imports buyers grievances homework assessments corrective-plans accountability risks collective-agreements networks members tokens" },
        { "Dhaka Knitwear Ltd", "dashboard facilities chain map imports buyers grievances homework assessments corrective-plans accountability risks collective-agreements networks members tokens" },
        { "Sunrise Homework Agents", "dashboard facilities chain map imports buyers grievances homework assessments corrective-plans collective-agreements networks members tokens" },
        { "Bangladesh Garment Workers Federation (demo)", "dashboard facilities map imports union-presence grievances corrective-plans accountability risks library collective-agreements networks training members tokens" },
        { "Fair Threads Initiative", "dashboard union-presence grievances assessments accountability risk-methods library collective-agreements networks training members tokens" },
        { "CommonThread Platform", "dashboard union-presence members tokens" },
        { "Ministry of Labour and Employment (demo)", "dashboard library collective-agreements networks training members tokens" },
        { "Garment Employers' Association (demo)", "dashboard library collective-agreements networks training members tokens" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task The_navigation_offers_each_kind_exactly_its_own_pages_and_each_answers(string organisation, string expected)
    {
        var member = await app.NewMemberAsync(organisation, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var dashboard = await client.GetAsync($"/o/{member.OrganisationId}");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        var offered = Tabs(await dashboard.Content.ReadAsStringAsync(), member.OrganisationId);
        Assert.Equal(expected.Split(' '), offered);
        foreach (var tab in offered)
        {
            var response = await client.GetAsync(tab == Base ? $"/o/{member.OrganisationId}" : $"/o/{member.OrganisationId}/{tab}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{organisation}: /{tab} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Owners_are_also_offered_the_audit_trail_and_a_hidden_page_keeps_serving_by_its_own_rule()
    {
        var owner = await app.NewMemberAsync("Fair Threads Initiative", MemberRole.Owner);
        var client = await app.SignedInAsync(owner.Email, TestMember.Password);
        var offered = Tabs(await client.GetStringAsync($"/o/{owner.OrganisationId}"), owner.OrganisationId);
        Assert.Equal("audit", offered[^1]);
        Assert.DoesNotContain("homework", offered);

        // Hiding a link is not a refusal: the page answers by its own access rule, as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/o/{owner.OrganisationId}/homework")).StatusCode);
    }

    [Fact]
    public async Task An_intermediary_is_not_offered_the_audit_form_and_may_not_record_one()
    {
        var member = await app.NewMemberAsync("Sunrise Homework Agents", MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var plans = await client.GetStringAsync($"/o/{member.OrganisationId}/corrective-plans");
        Assert.DoesNotContain("id=\"audit-form\"", plans, StringComparison.Ordinal);

        var api = await app.ClientForAsync(member);
        var refused = await api.PostAsJsonAsync($"/api/organisations/{member.OrganisationId}/audits",
            new { facilityId = Guid.NewGuid(), standard = "SMETA", auditor = "A", startedOn = "2025-01-01", endedOn = "2025-01-02" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>The tabs of the row wide screens show; the phone's menu must offer the very same.</summary>
    private static List<string> Tabs(string html, Guid organisationId)
    {
        var row = Links(Section(html, "<div class=\"org-tabs\"", "</div>"), organisationId);
        Assert.Equal(row, Links(Section(html, "<details class=\"org-menu\"", "</details>"), organisationId));
        return row;
    }

    private static string Section(string html, string start, string end)
    {
        var section = html[html.IndexOf(start, StringComparison.Ordinal)..];
        return section[..section.IndexOf(end, StringComparison.Ordinal)];
    }

    private static List<string> Links(string html, Guid organisationId) =>
        Link().Matches(html).Select(m => m.Groups[1].Value)
            .Where(href => href.StartsWith($"/o/{organisationId}", StringComparison.Ordinal))
            .Select(href => href == $"/o/{organisationId}" ? Base : href[$"/o/{organisationId}/".Length..])
            .ToList();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Link();
}

public sealed class NavigationSpecsOnSqlite(SqliteApp app) : NavigationSpecs(app);

public sealed class NavigationSpecsOnPostgres(PostgresApp app) : NavigationSpecs(app);
