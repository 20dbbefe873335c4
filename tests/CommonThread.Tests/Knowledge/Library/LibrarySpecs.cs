using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.SupplyChain.Imports;
using CommonThread.Web.Demo;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Knowledge.Library;

/// <summary>
/// The public knowledge library: anyone reads and searches it without an account, in every language it holds;
/// initiatives' and unions' editors publish to it, nobody else; a bad document is refused by field and leaves nothing.
/// </summary>
public abstract class LibrarySpecs(TestApp app)
{
    private static object Document(string title, string text, string language = "en", string[]? themes = null, string[]? countries = null) => new
    {
        title, summary = "A short summary.", text, language, kind = "GoodPractice", licence = "CcBy",
        themes = themes ?? ["SocialDialogue"], countries = countries ?? ["BD"], audiences = new[] { "Unions" }, genderData = false,
    };

    private async Task<int> CountAsync() => await app.WithDbAsync(db => db.Set<LibraryDocument>().CountAsync());

    private static async Task<List<Guid>> ResultIdsAsync(HttpClient client, string query)
    {
        var results = await client.GetFromJsonAsync<JsonElement>("/api/library" + query);
        return [.. results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bn")]
    [InlineData("hi")]
    [InlineData("km")]
    [InlineData("vi")]
    [InlineData("zh-Hans")]
    public async Task Each_demo_document_comes_first_for_a_word_of_its_own_language_read_without_an_account(string language)
    {
        var anonymous = app.Anonymous();
        var demo = DemoLibrary.Documents.Value.Where(d => d.Language == language).ToList();
        Assert.NotEmpty(demo);
        foreach (var document in demo)
        {
            var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/library?q=" + Uri.EscapeDataString(document.Probe)));
            var start = page.IndexOf("id=\"library-results\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{document.Probe}' found nothing");
            var results = page[start..page.IndexOf("</ol>", start, StringComparison.Ordinal)];
            var firstTitle = results.IndexOf(document.Title, StringComparison.Ordinal);
            Assert.True(firstTitle >= 0, $"'{document.Probe}' did not find '{document.Title}'");
            foreach (var other in DemoLibrary.Documents.Value.Where(d => d != document))
            {
                var at = results.IndexOf(other.Title, StringComparison.Ordinal);
                Assert.True(at < 0 || at > firstTitle, $"'{document.Probe}' ranked '{other.Title}' above '{document.Title}'");
            }
        }
    }

    [Fact]
    public async Task A_document_is_read_whole_by_anyone_and_may_be_kept_by_shared_caches_per_language()
    {
        var demo = DemoLibrary.Documents.Value.First(d => d.Language == "zh-Hans");
        var id = await app.WithDbAsync(db => db.Set<LibraryDocument>().Where(d => d.Title == demo.Title).Select(d => d.Id).FirstAsync());

        var response = await app.Anonymous().GetAsync($"/library/{id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lang=\"zh-Hans\"", html, StringComparison.Ordinal);
        Assert.Contains(demo.Text.Split("\n\n")[0].Trim(), html, StringComparison.Ordinal);
        Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        // Kept apart per language by shared caches: the page's words follow the reader's browser.
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/library/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_public_page_kept_in_the_cache_shows_a_document_as_soon_as_it_is_published()
    {
        var (initiative, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var word = Unique.Word();
        var address = $"/library?theme=Productivity&kind=Research&audience=Researchers&country=MM&language=my";
        var before = await app.Anonymous().GetStringAsync(address);

        var published = await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", new
        {
            title = $"{word} productivity study", summary = "S", text = "T", language = "my", kind = "Research", licence = "CcBy",
            themes = new[] { "Productivity" }, countries = new[] { "MM" }, audiences = new[] { "Researchers" },
        });
        var after = await app.Anonymous().GetStringAsync(address);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.DoesNotContain(word, before, StringComparison.Ordinal);
        Assert.Contains(word, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_initiative_publishes_and_the_document_is_found_by_a_word_of_its_text_ranked_above_a_mere_mention()
    {
        var (initiative, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var word = Unique.Word();
        var inTitle = await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", Document($"{word} in the title", $"A text that says {word} once."));
        var inText = await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", Document("Another title", $"Only the text says {word}."));
        Assert.Equal(HttpStatusCode.Created, inText.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inTitle.StatusCode);
        var titled = (await inTitle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var texted = (await inText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var reader = (await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Viewer)).Client;
        Assert.Equal([titled, texted], await ResultIdsAsync(reader, "?q=" + word.ToLowerInvariant()));
        // A word's beginning finds it too: "organis" finds "organising".
        Assert.Equal([titled, texted], await ResultIdsAsync(reader, "?q=" + word[..7]));
        Assert.Empty(await ResultIdsAsync(reader, $"?q={word}&country=KH"));
        Assert.Empty(await ResultIdsAsync(reader, $"?q={word}&theme=Environment"));
        Assert.Equal(2, (await ResultIdsAsync(reader, $"?q={word}&country=bangladesh&theme=socialdialogue&language=en&kind=GoodPractice&audience=Unions")).Count);
    }

    [Fact]
    public async Task Only_its_publisher_withdraws_a_document_and_then_no_search_page_or_feed_finds_it()
    {
        var (initiative, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var (rival, rivalOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var viewer = await app.ClientForAsync(await app.NewMemberAsync(organisation.Name, MemberRole.Viewer));
        var word = Unique.Word();
        var published = await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", Document($"{word} published by mistake", "It names a worker."));
        var id = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reader = (await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Viewer)).Client;
        Assert.Equal([id], await ResultIdsAsync(reader, "?q=" + word));

        await (await rival.DeleteAsync($"/api/organisations/{rivalOrganisation.Id}/library/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.DeleteAsync($"/api/organisations/{organisation.Id}/library/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([id], await ResultIdsAsync(reader, "?q=" + word));

        Assert.Equal(HttpStatusCode.NoContent, (await initiative.DeleteAsync($"/api/organisations/{organisation.Id}/library/{id}")).StatusCode);
        Assert.Empty(await ResultIdsAsync(reader, "?q=" + word));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/library/{id}")).StatusCode);
        Assert.DoesNotContain("published by mistake", await app.Anonymous().GetStringAsync("/library/feed.atom"), StringComparison.Ordinal);
        Assert.DoesNotContain("published by mistake", await app.Anonymous().GetStringAsync("/library?q=" + word), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_of_an_attached_pdf_is_searched_and_the_pdf_is_served_as_it_was_given()
    {
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var word = Unique.Word();
        var pdf = Pdf.Write("Report", p => p.Line($"The {word} study of wages in Gazipur."));
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(Document("Wages study", ""))), "document" },
            { new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "wages.pdf" },
        };

        var response = await union.PostAsync($"/api/organisations/{unionOrg.Id}/library", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal([id], await ResultIdsAsync(union, "?q=" + word));
        var file = await app.Anonymous().GetAsync($"/library/{id}/file");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_brand_or_an_initiatives_viewer_cannot_publish_and_nothing_is_written()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Owner);
        var (viewer, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative, MemberRole.Viewer);
        var before = await CountAsync();

        var byBrand = await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/library", Document("Brand's own", "Text"));
        var byViewer = await viewer.PostAsJsonAsync($"/api/organisations/{initiativeOrg.Id}/library", Document("Viewer's own", "Text"));
        var intoAnother = await brand.PostAsJsonAsync($"/api/organisations/{initiativeOrg.Id}/library", Document("Someone else's", "Text"));

        Assert.Equal(HttpStatusCode.Forbidden, byBrand.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intoAnother.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_bad_document_is_refused_field_by_field_and_nothing_is_written()
    {
        var (initiative, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var before = await CountAsync();

        var response = await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", new
        {
            title = "", summary = "Fine", text = "", language = "xx", kind = "GoodPractice", licence = "CcBy", themes = Array.Empty<string>(), countries = new[] { "Atlantis" },
        });
        var notPdf = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(Document("Not a PDF", ""))), "document" },
            { new ByteArrayContent("name,wage\nA,1\n"u8.ToArray()), "file", "wages.pdf" },
        };
        var fileResponse = await initiative.PostAsync($"/api/organisations/{organisation.Id}/library", notPdf);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "language", "themes", "countries", "text" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, fileResponse.StatusCode);
        Assert.True((await fileResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_filter_value_that_is_not_one_is_named_by_the_api_and_said_on_the_page()
    {
        var reader = (await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Viewer)).Client;

        var api = await reader.GetAsync("/api/library?theme=cooking&size=500");
        var page = await app.Anonymous().GetAsync("/library?theme=cooking");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("theme", out _) && errors.TryGetProperty("size", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"library-error\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_in_more_documents_than_are_ranked_says_so_and_still_puts_a_title_match_first()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Initiative);
        var word = Unique.Word();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Published as the demo publishes, through the service: the one path that also fills SQLite's search table.
            var library = scope.ServiceProvider.GetRequiredService<LibraryService>();
            var publisher = new OrganisationAccess(organisation, MemberRole.Owner);
            for (var i = 0; i <= LibrarySearchIndex.RankLimit; i++)
            {
                await library.PublishAsync(publisher, new LibraryInput
                {
                    Title = i == LibrarySearchIndex.RankLimit ? $"{word} handbook" : $"Note {i}", Summary = "S", Text = $"Mentions {word}.", Language = "en", Kind = DocumentKind.Tool,
                    Licence = Licence.CcBy, Themes = [KnowledgeTheme.Productivity], PublishedOn = new DateOnly(2026, 1, 1),
                }, null, CancellationToken.None);
            }
        }
        var reader = (await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Viewer)).Client;

        var results = await reader.GetFromJsonAsync<JsonElement>($"/api/library?q={word}&size=5");
        var page = await app.Anonymous().GetStringAsync($"/library?q={word}");

        Assert.True(results.GetProperty("more").GetBoolean());
        Assert.Equal(LibrarySearchIndex.RankLimit, results.GetProperty("total").GetInt32());
        Assert.Equal($"{word} handbook", results.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Contains("id=\"library-more\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_atom_feed_of_a_theme_and_country_holds_only_their_documents()
    {
        var (initiative, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var word = Unique.Word();
        await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", Document($"{word} energy", "Dyeing with less steam.", themes: ["Environment"], countries: ["VN"]));
        await initiative.PostAsJsonAsync($"/api/organisations/{organisation.Id}/library", Document($"{word} bargaining", "Bargaining.", themes: ["SocialDialogue"], countries: ["VN"]));

        var response = await app.Anonymous().GetAsync("/library/feed.atom?theme=Environment&country=VN");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"CommonThread · Knowledge library · Environment and just transition · {CommonThread.Web.Platform.Geography.Countries.NameOf("VN")}", feed.Root!.Element(atom + "title")!.Value);
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value == $"{word} energy");
        Assert.DoesNotContain(entries, e => e.Element(atom + "title")!.Value == $"{word} bargaining");
        Assert.All(entries, e => Assert.Contains(e.Elements(atom + "category"), c => c.Attribute("term")!.Value == "Environment"));
        Assert.All(entries, e => Assert.StartsWith("http", e.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal));
    }
}

public sealed class LibrarySpecsOnSqlite(SqliteApp app) : LibrarySpecs(app);

public sealed class LibrarySpecsOnPostgres(PostgresApp app) : LibrarySpecs(app);
