using System.Net;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>
/// A refusal reaches an API client in the language it asks for (Accept-Language): the sentence translated with its values
/// put in as they were, whether a service refused the request or the JSON reader refused a value, and a kind of
/// organisation is named in words of that language, never as a code. Nothing is written.
/// </summary>
public abstract class RefusalLanguageSpecs(TestApp app)
{
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string language, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_refusal_with_a_value_is_said_in_the_client_language_with_the_value_in_place()
    {
        var (brand, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        var spanish = await (await SendAsync(brand, HttpMethod.Get, $"/api/organisations/{organisation.Id}/facilities?limit=0", "es")).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await brand.GetAsync($"/api/organisations/{organisation.Id}/facilities?limit=0")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["El límite es un número entero de 1 a 1000."], spanish.FieldErrors("limit"));
        Assert.Equal("El límite es un número entero de 1 a 1000.", spanish.GetProperty("detail").GetString());
        Assert.Equal(["The limit is a whole number from 1 to 1000."], english.FieldErrors("limit"));
    }

    [Fact]
    public async Task A_date_the_JSON_reader_refuses_is_said_in_the_client_language_and_nothing_is_written()
    {
        var (brand, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        const string body = """{"facilityId":"0195a000-0000-7000-8000-000000000000","tier":1,"startDate":"1850-01-01"}""";

        var chinese = await (await SendAsync(brand, HttpMethod.Post, $"/api/organisations/{organisation.Id}/links", "zh-Hans", body)).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await SendAsync(brand, HttpMethod.Post, $"/api/organisations/{organisation.Id}/links", "en", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["1850-01-01 超出日期的范围：应在 1900-01-01 到 2100-12-31 之间。"], chinese.FieldErrors("startDate"));
        Assert.Equal("请求违反了一项规则", chinese.GetProperty("title").GetString());
        Assert.Equal(["1850-01-01 is out of range for a date: between 1900-01-01 and 2100-12-31."], english.FieldErrors("startDate"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SupplyLink>().CountAsync(l => l.BuyerOrganisationId == organisation.Id)));
    }

    [Fact]
    public async Task A_kind_of_organisation_is_named_in_words_of_the_client_language_never_as_a_code()
    {
        var (brand, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        const string body = """{"facilityId":"0195a000-0000-7000-8000-000000000000","claim":"Registration 123"}""";
        var written = await WrittenByAsync(organisation.Id);

        var bengali = await (await SendAsync(brand, HttpMethod.Post, $"/api/organisations/{organisation.Id}/union-presence", "bn", body)).ProblemAsync(HttpStatusCode.Forbidden);
        var english = await (await SendAsync(brand, HttpMethod.Post, $"/api/organisations/{organisation.Id}/union-presence", "en", body)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("কেবল একটি ট্রেড ইউনিয়ন সংস্থাই এটি করতে পারে।", bengali.GetProperty("detail").GetString());
        Assert.Equal("Only a union organisation does this.", english.GetProperty("detail").GetString());
        Assert.Equal(written, await WrittenByAsync(organisation.Id));
    }

    [Fact]
    public async Task A_role_too_low_is_named_as_a_word_of_the_client_language()
    {
        var (viewer, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Viewer);
        const string body = """{"facilityId":"0195a000-0000-7000-8000-000000000000","tier":1,"startDate":"2026-01-01"}""";

        var spanish = await (await SendAsync(viewer, HttpMethod.Post, $"/api/organisations/{organisation.Id}/links", "es", body)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal($"Esto requiere el rol de Editor en {organisation.Name}.", spanish.GetProperty("title").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SupplyLink>().CountAsync(l => l.BuyerOrganisationId == organisation.Id)));
    }

    /// <summary>Rows a union-presence claim of this organisation would write: the claim and its audit entry.</summary>
    private Task<int> WrittenByAsync(Guid organisationId) => app.WithDbAsync(async db =>
        await db.Set<UnionPresence>().CountAsync(p => p.UnionOrganisationId == organisationId)
        + await db.Set<AuditEntry>().CountAsync(a => a.OrganisationId == organisationId));
}

public sealed class RefusalLanguageSpecsOnSqlite(SqliteApp app) : RefusalLanguageSpecs(app);

public sealed class RefusalLanguageSpecsOnPostgres(PostgresApp app) : RefusalLanguageSpecs(app);
