using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommonThread.Matching;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>The review queue says why a pair is uncertain, part by part, in the API and on the page.</summary>
public abstract class MatchReviewEvidenceSpecs(TestApp app)
{
    /// <summary>
    /// A brand whose import left one row in review: the same name as a facility already on the platform,
    /// at another road of the same district. Signed in by cookie (for the page) and by token (for the API).
    /// </summary>
    private async Task<(Importer Importer, HttpClient Browser, string Word)> ReviewWaitingAsync()
    {
        var w = Unique.Word();
        await app.WithDbAsync(async db =>
        {
            db.Add(new Facility { Name = $"{w} Knit Composite Ltd", Address = "Plot 12, Road 5, Konabari, Gazipur 1700", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var importer = new Importer(await app.ClientForAsync(member), organisation.Id);

        var import = await importer.ImportAsync($"country,name,address\nBD,{w} Knit Composite,\"Road 9, Chandra, Gazipur\"\n");

        Assert.Equal((1, 0), (import.ReviewRows, import.MatchedRows));
        return (importer, await app.SignedInAsync(member.Email, TestMember.Password), w);
    }

    private static async Task<List<MatchReviewDto>> ReviewsAsync(Importer importer) =>
        (await importer.Client.GetFromJsonAsync<List<MatchReviewDto>>($"{importer.Api}/imports/reviews", Http.Json))!;

    private static async Task<string> PageAsync(HttpClient browser, Guid organisationId, string query = "") =>
        WebUtility.HtmlDecode(await browser.GetStringAsync($"/o/{organisationId}/imports/reviews{query}"));

    [Fact]
    public async Task The_api_lists_which_parts_agreed_and_which_did_not_for_a_row_a_real_import_left_in_review()
    {
        var (importer, _, w) = await ReviewWaitingAsync();

        var review = (await ReviewsAsync(importer)).Single();
        var raw = await importer.Client.GetStringAsync($"{importer.Api}/imports/reviews");

        var evidence = review.Evidence!;
        var name = evidence.Single(e => e.Part == EvidencePart.Name);
        var address = evidence.Single(e => e.Part == EvidencePart.Address);
        Assert.NotEqual(Verdict.Differs, name.Verdict);
        Assert.Contains(w.ToLowerInvariant(), name.Row, StringComparison.Ordinal);
        Assert.Contains(w.ToLowerInvariant(), name.Candidate, StringComparison.Ordinal);
        Assert.NotEqual(Verdict.Agrees, address.Verdict);
        Assert.Contains("chandra", address.Row, StringComparison.Ordinal);
        Assert.Contains("plot", address.Candidate, StringComparison.Ordinal);
        Assert.All(evidence, e => Assert.InRange(e.Score, 0, 1));
        Assert.True(evidence.Select(e => e.Verdict).SequenceEqual(evidence.Select(e => e.Verdict).OrderBy(v => v switch
        {
            Verdict.Differs => 0,
            Verdict.Partly => 1,
            Verdict.Agrees => 2,
            _ => 3,
        })), $"not disagreeing first: {string.Join(", ", evidence.Select(e => $"{e.Part} {e.Verdict}"))}");
        Assert.Matches("\"evidence\":\\[\\{\"part\":\"[A-Za-z]+\",\"verdict\":\"[A-Za-z]+\",\"score\":[0-9.]+,\"row\":\"", raw);
        Assert.Contains("\"part\":\"Address\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_each_part_by_its_label_with_a_mark_its_verdict_in_words_and_a_summary_line()
    {
        var (importer, browser, _) = await ReviewWaitingAsync();
        var review = (await ReviewsAsync(importer)).Single();

        var html = await PageAsync(browser, importer.OrganisationId);
        var spanish = await PageAsync(browser, importer.OrganisationId, "?culture=es&ui-culture=es");

        var address = review.Evidence!.Single(e => e.Part == EvidencePart.Address);
        var section = html[html.IndexOf($"id=\"review-{review.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("<h3>Why it is not certain</h3>", section, StringComparison.Ordinal);
        Assert.Matches($"data-part=\"Address\" data-verdict=\"{address.Verdict}\"><span class=\"mark\" aria-hidden=\"true\">[~✗]</span>\\s*<strong>Address</strong>: (partly the same|different) · {Math.Round(address.Score * 100)} %", section);
        Assert.Matches("data-part=\"Name\" data-verdict=\"[A-Za-z]+\"><span class=\"mark\" aria-hidden=\"true\">[✓~]</span>\\s*<strong>Name</strong>: (same|partly the same)", section);
        Assert.Contains($"Your row:</span> {address.Row}", section, StringComparison.Ordinal);
        Assert.Contains($"On the platform:</span> {address.Candidate}", section, StringComparison.Ordinal);
        var summary = Regex.Match(section, "<p class=\"evidence-summary\">([^<]*)</p>").Groups[1].Value;
        Assert.Matches("(^|; )Address: (partly the same|different)", summary);
        Assert.Matches("(^|; )Name: (same|partly the same)", summary);
        Assert.Contains("<h3>Por qué no es seguro</h3>", spanish, StringComparison.Ordinal);
        Assert.Matches("<strong>Dirección</strong>: (coincide en parte|no coincide)", spanish);
    }

    [Fact]
    public async Task A_row_with_the_name_and_address_of_a_facility_in_another_country_waits_for_review_saying_the_countries_differ()
    {
        var w = Unique.Word();
        await app.WithDbAsync(async db =>
        {
            db.Add(new Facility { Name = $"{w} Stitch Co., Ltd", Address = "National Road 4, Kambol, Phnom Penh", CountryCode = "KH", CreatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        var importer = await Importer.NewBrandAsync(app);

        var import = await importer.ImportAsync($"country,name,address\nViet Nam,{w} Stitch Co Ltd,\"National Road 4, Kambol, Phnom Penh\"\n");
        var review = (await ReviewsAsync(importer)).Single();

        Assert.Equal((1, 0, 0), (import.ReviewRows, import.MatchedRows, import.NewFacilities));
        Assert.Equal(("VN", "KH"), (review.Row.CountryCode, review.Candidate.CountryCode));
        var country = review.Evidence!.Single(e => e.Part == EvidencePart.Country);
        Assert.Equal((Verdict.Differs, "VN", "KH"), (country.Verdict, country.Row, country.Candidate));
    }

    [Fact]
    public async Task A_review_queued_before_the_reasons_were_kept_still_opens_and_says_they_were_not_recorded()
    {
        var (importer, browser, w) = await ReviewWaitingAsync();
        var id = (await ReviewsAsync(importer)).Single().Id;
        await app.WithDbAsync(db => db.Set<MatchReview>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.EvidenceJson, (string?)null)));

        var review = (await ReviewsAsync(importer)).Single();
        var response = await browser.GetAsync($"/o/{importer.OrganisationId}/imports/reviews");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Null(review.Evidence);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{w} Knit Composite Ltd", html, StringComparison.Ordinal);
        Assert.Contains("The matcher's reasons were not recorded for this row: compare the two sides.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-parts", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reasons_never_reach_another_organisation()
    {
        var (importer, _, w) = await ReviewWaitingAsync();
        var competitor = await Importer.NewBrandAsync(app);
        var competitorMember = await app.NewMemberAsync((await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == competitor.OrganisationId))).Name, MemberRole.Owner);
        var competitorBrowser = await app.SignedInAsync(competitorMember.Email, TestMember.Password);

        var peek = await competitor.Client.GetAsync($"{importer.Api}/imports/reviews");
        var own = await ReviewsAsync(competitor);
        var page = await competitorBrowser.GetAsync($"/o/{importer.OrganisationId}/imports/reviews");
        var pageText = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.DoesNotContain(w.ToLowerInvariant(), (await peek.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Empty(own);
        Assert.DoesNotContain(w.ToLowerInvariant(), pageText.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-parts", pageText, StringComparison.Ordinal);
    }
}

public sealed class MatchReviewEvidenceSpecsOnSqlite(SqliteApp app) : MatchReviewEvidenceSpecs(app);

public sealed class MatchReviewEvidenceSpecsOnPostgres(PostgresApp app) : MatchReviewEvidenceSpecs(app);
