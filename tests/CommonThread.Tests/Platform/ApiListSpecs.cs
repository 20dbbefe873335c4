using System.Net;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Tests.Platform;

/// <summary>
/// What every paged API list promises, asked of one list: a feature's spec says how to fill its list with five
/// items in a fresh organisation, how one leaves it and how one more arrives.
/// </summary>
public abstract class ApiListSpecs(TestApp app)
{
    /// <summary>A list holding exactly <see cref="Count"/> items of a fresh organisation, read with <paramref name="Client"/> at <paramref name="Url"/>.</summary>
    protected sealed record Seeded(HttpClient Client, string Url, Func<Task> Add, Func<string, Task> Remove);

    protected const int Count = 5;

    protected TestApp App => app;

    /// <summary>The property that names an item.</summary>
    protected virtual string IdProperty => "id";

    /// <summary>How many items a fresh organisation's own list holds (its own member, for the member list).</summary>
    protected virtual int FreshOrganisationHolds => 0;

    /// <summary>The organisation kind that keeps the list.</summary>
    protected virtual OrganisationKind Kind => OrganisationKind.Supplier;

    /// <summary>The list path under the organisation, such as /homeworkers.</summary>
    protected abstract string Path { get; }

    protected abstract Task<Seeded> SeedAsync();

    [Fact]
    public async Task Pages_of_two_give_every_item_once_in_the_lists_order_with_the_total_and_no_next_link_on_the_last()
    {
        var list = await SeedAsync();
        var whole = await IdsAsync(list.Client, $"{list.Url}?limit=1000");

        var (walked, pages, totals) = await WalkAsync(list.Client, $"{list.Url}?limit=2");

        Assert.Equal(Count, whole.Count);
        Assert.Equal(whole, walked);
        Assert.Equal(3, pages);
        Assert.All(totals, t => Assert.Equal(Count.ToString(System.Globalization.CultureInfo.InvariantCulture), t));
    }

    [Fact]
    public async Task An_item_leaving_and_one_arriving_between_pages_make_the_walk_neither_skip_nor_repeat_the_others()
    {
        var list = await SeedAsync();
        var before = await IdsAsync(list.Client, $"{list.Url}?limit=1000");
        var first = await list.Client.GetAsync($"{list.Url}?limit=2");
        var page = Ids(await first.Content.ReadAsStringAsync());
        var next = NextOf(first)!;

        // The item the cursor names leaves the list, and a new one arrives.
        await list.Remove(page[^1]);
        await list.Add();
        var (rest, _, _) = await WalkAsync(list.Client, next);

        Assert.Equal(rest.Count, rest.Distinct().Count());
        Assert.Empty(rest.Intersect(page));
        Assert.Equal(before.Skip(2), rest.Where(before.Contains));
        Assert.InRange(rest.Count, Count - 2, Count - 1);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=two", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task A_bad_limit_or_cursor_is_a_problem_naming_the_field(string query, string field)
    {
        var list = await SeedAsync();

        var problem = await (await list.Client.GetAsync($"{list.Url}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_cursor_another_list_gave_is_a_problem_naming_the_cursor_not_an_error()
    {
        var list = await SeedAsync();

        // Cursors of every length this or another list might hold, with values of kinds no list's keys read.
        foreach (var length in Enumerable.Range(1, 6))
        {
            var cursor = ListPaging.Cursor(Enumerable.Repeat("{not a key", length).ToArray());
            var problem = await (await list.Client.GetAsync($"{list.Url}?cursor={cursor}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), problem.ToString());
        }
    }

    [Fact]
    public async Task A_stranger_organisation_sees_none_of_the_items()
    {
        var list = await SeedAsync();
        var ours = await IdsAsync(list.Client, list.Url);
        var (stranger, organisation) = await app.NewOrganisationClientAsync(Kind);

        var response = await stranger.GetAsync($"/api/organisations/{organisation.Id}{Path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FreshOrganisationHolds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues(ListPaging.TotalHeader).Single());
        Assert.Empty(Ids(await response.Content.ReadAsStringAsync()).Intersect(ours));
    }

    private async Task<List<string>> IdsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids(await response.Content.ReadAsStringAsync());
    }

    private async Task<(List<string> Ids, int Pages, List<string> Totals)> WalkAsync(HttpClient client, string url)
    {
        var (ids, pages, totals) = (new List<string>(), 0, new List<string>());
        for (string? next = url; next is not null; pages++)
        {
            Assert.True(pages < 20, "The walk does not end.");
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            totals.Add(response.Headers.GetValues(ListPaging.TotalHeader).Single());
            var page = Ids(await response.Content.ReadAsStringAsync());
            ids.AddRange(page);
            next = NextOf(response);
            // Only the last page is short, and it names no next one.
            Assert.True(next is null || page.Count == 2, $"A short page at {next} still names a next page.");
        }

        return (ids, pages, totals);
    }

    private static string? NextOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;

    private List<string> Ids(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty(IdProperty).ToString())];
}
