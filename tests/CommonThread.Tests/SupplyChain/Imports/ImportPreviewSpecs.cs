using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>Each row's planned outcome before an import starts, and what happened to it afterwards.</summary>
public abstract class ImportPreviewSpecs(TestApp app)
{
    /// <summary>A fresh brand with an editor by API token and the same editor signed in for pages.</summary>
    private async Task<(Importer Importer, HttpClient Browser)> BrandAsync()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        return (new Importer(await app.ClientForAsync(member), organisation.Id), await app.SignedInAsync(member.Email, TestMember.Password));
    }

    private static async Task<List<ImportRowResultDto>> RowsAsync(Importer importer, Guid importId, string query = "") =>
        (await importer.Client.GetFromJsonAsync<List<ImportRowResultDto>>($"{importer.Api}/imports/{importId}/rows?limit=1000{query}", Http.Json))!;

    /// <summary>Facilities named with the word, the brand's links, FoA facts and reviews: what a preview must not change.</summary>
    private Task<(int, int, int, int)> WrittenAsync(string w, Guid organisationId) => app.WithDbAsync(async db =>
        (await db.Set<Facility>().CountAsync(f => f.Name.Contains(w)), await db.Set<SupplyLink>().CountAsync(l => l.BuyerOrganisationId == organisationId),
            await db.Set<FoaFact>().CountAsync(f => f.RecordedByOrganisationId == organisationId), await db.Set<MatchReview>().CountAsync(r => r.OrganisationId == organisationId)));

    /// <summary>A facility another brand brought onto the platform with what it recorded there: its workers, parent company and union.</summary>
    private async Task CompetitorImportsAsync(string w)
    {
        var competitor = await Importer.NewBrandAsync(app);
        var done = await competitor.ImportAsync($"""
            country,name,address,number_of_workers,parent_company,union_name
            BD,{Mill(w)},"{MillAddress(w)}",4937,SecretParent{w},SecretUnion{w}
            """);
        Assert.True(done.NewFacilities == 1, $"{done.Status} {done.ValidRows} {done.MatchedRows} {done.ReviewRows} {done.KnownRows} " + string.Join(" | ", (await competitor.ProblemsAsync(done.Id)).Select(p => p.Message)));
    }

    /// <summary>A facility name and address sharing no word with another test's but "Spinning", "Plot" and "Road", so it matches nothing else.</summary>
    private static string Mill(string w) => $"{w} Spinning {Reversed(w)}";

    private static string Reversed(string w) => new(w.Reverse().ToArray());

    private static string MillAddress(string w) => $"Plot 4, {Reversed(w)} Road, {w} Bazar";

    private async Task LookalikeAsync(string w) => await app.WithDbAsync(async db =>
    {
        db.Add(new Facility { Name = $"{w} Knit Composite Ltd", Address = "Plot 12, Road 5, Konabari, Gazipur 1700", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_preview_plans_each_row_as_the_import_then_does_it_and_writes_nothing()
    {
        var w = Unique.Word();
        await CompetitorImportsAsync(w);
        await LookalikeAsync(w);
        var (importer, browser) = await BrandAsync();
        await importer.ImportAsync($"country,name,address\nBD,{w} Old Partner Garments,\"Plot 9, {w} Road, Savar\"\n");
        var csv = $"""
            country,name,address
            BD,{Mill(w)},"{MillAddress(w)}"
            BD,{w} Knit Composite,"Road 9, Chandra, Gazipur"
            BD,{w} Grommet Works,"Plot 3, {w} Lane, Tongi"
            XX,{w} Nowhere,Somewhere
            BD,{w} Old Partner Garments,"Plot 9, {w} Road, Savar"
            BD,{w} Grommetworks,"Plot 3 {w} Lane Tongi"
            """;
        var before = await WrittenAsync(w, importer.OrganisationId);

        var uploaded = await importer.PreviewAsync(csv);
        var planned = await importer.PlannedAsync(uploaded.Id);
        var plan = await RowsAsync(importer, uploaded.Id);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/o/{importer.OrganisationId}/imports/{uploaded.Id}"));
        var afterPreview = await WrittenAsync(w, importer.OrganisationId);
        var done = await importer.RunAsync(uploaded.Id);
        var results = await RowsAsync(importer, uploaded.Id);

        Assert.Equal(before, afterPreview);
        Assert.Equal(ImportStatus.Previewed, planned.Status);
        Assert.Equal(("planned", 6), (planned.Rows!.Stage, planned.Rows.Total));
        Assert.Equal([2, 3, 4, 5, 6, 7], plan.Select(r => r.Row));
        Assert.Equal((RowOutcome.Matched, $"{Mill(w)}"), (plan[0].Outcome, plan[0].Facility?.Name));
        Assert.Equal((RowOutcome.Review, $"{w} Knit Composite Ltd"), (plan[1].Outcome, plan[1].Facility?.Name));
        Assert.NotEmpty(plan[1].Evidence!);
        Assert.Equal((RowOutcome.New, null), (plan[2].Outcome, plan[2].Facility));
        Assert.Equal(RowOutcome.Problem, plan[3].Outcome);
        Assert.Contains("country", plan[3].Message, StringComparison.Ordinal);
        Assert.Equal((RowOutcome.Known, $"{w} Old Partner Garments"), (plan[4].Outcome, plan[4].Facility?.Name));
        Assert.Contains("start-import", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"3\" data-outcome=\"Review\"", page, StringComparison.Ordinal);
        Assert.Contains($"{w} Knit Composite Ltd", page, StringComparison.Ordinal);

        Assert.Equal(ImportStatus.Completed, done.Status);
        Assert.Equal(plan.Select(r => (r.Row, r.Outcome, r.SameAsRow)), results.Select(r => (r.Row, r.Outcome, r.SameAsRow)));
        Assert.All(plan.Zip(results).Where(p => p.First.Facility is not null), p => Assert.Equal(p.First.Facility!.Id, p.Second.Facility?.Id));
        Assert.Equal((done.MatchedRows, done.NewFacilities, done.ReviewRows),
            (results.Count(r => r.Outcome == RowOutcome.Matched || (r.Outcome == RowOutcome.Known && r.Facility is not null)), results.Count(r => r.Outcome == RowOutcome.New),
                results.Count(r => r.Outcome == RowOutcome.Review || (r.Outcome == RowOutcome.Known && r.Facility is null))));
        Assert.Equal($"{w} Grommet Works", results[2].Facility?.Name);
    }

    [Fact]
    public async Task A_preview_shows_a_competitors_facility_by_its_registry_fields_only()
    {
        var w = Unique.Word();
        await CompetitorImportsAsync(w);
        var (importer, browser) = await BrandAsync();

        var uploaded = await importer.PreviewAsync($"country,name,address\nBD,{Mill(w)},\"{MillAddress(w)}\"\n");
        await importer.PlannedAsync(uploaded.Id);
        var json = await importer.Client.GetStringAsync($"{importer.Api}/imports/{uploaded.Id}/rows");
        var csv = await importer.Client.GetStringAsync($"{importer.Api}/imports/{uploaded.Id}/rows.csv");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/o/{importer.OrganisationId}/imports/{uploaded.Id}"));

        foreach (var shown in new[] { json, csv, page })
        {
            Assert.Contains($"{Mill(w)}", shown, StringComparison.Ordinal);
            Assert.DoesNotContain($"SecretParent{w}", shown, StringComparison.Ordinal);
            Assert.DoesNotContain($"SecretUnion{w}", shown, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("4937", json, StringComparison.Ordinal);
        Assert.DoesNotContain("workers", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Discarding_an_upload_removes_its_file_problems_and_preview_and_a_completed_import_cannot_be_discarded()
    {
        var w = Unique.Word();
        var (importer, browser) = await BrandAsync();
        var uploaded = await importer.PreviewAsync($"country,name,address\nBD,{w} One,{w} Street 1\nXX,{w} Two,{w} Street 2\n");
        await importer.PlannedAsync(uploaded.Id);
        var page = await browser.GetStringAsync($"/o/{importer.OrganisationId}/imports/{uploaded.Id}");

        var discarded = await importer.Client.DeleteAsync($"{importer.Api}/imports/{uploaded.Id}");
        var gone = await importer.Client.GetAsync($"{importer.Api}/imports/{uploaded.Id}");
        var left = await app.WithDbAsync(async db => (await db.Set<FacilityImportContent>().CountAsync(c => c.ImportId == uploaded.Id),
            await db.Set<FacilityImportProblem>().CountAsync(p => p.ImportId == uploaded.Id), await db.Set<FacilityImportRowResult>().CountAsync(r => r.ImportId == uploaded.Id)));
        var completed = await importer.ImportAsync($"country,name,address\nBD,{w} Three,{w} Street 3\n");
        var refused = await importer.Client.DeleteAsync($"{importer.Api}/imports/{completed.Id}");

        Assert.Contains("discard-import", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((0, 0, 0), left);
        Assert.NotEmpty((await refused.ProblemAsync(HttpStatusCode.Conflict)).FieldErrors("status"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Facility>().CountAsync(f => f.Name == $"{w} One")));
    }

    [Fact]
    public async Task After_the_run_each_rows_outcome_is_listed_paged_filtered_and_as_csv_to_fix_and_upload_again()
    {
        // A word of its own for each row and no other word: rows sharing a rare word can be taken for the same facility.
        var w = Enumerable.Range(0, 5).Select(_ => Unique.Word()).ToArray();
        var (importer, browser) = await BrandAsync();
        var uploaded = await importer.PreviewAsync($"""
            country,name,address,number_of_workers
            BD,{w[0]},{Reversed(w[0])},
            XX,{w[1]},{Reversed(w[1])},
            BD,{w[2]},{Reversed(w[2])},many
            BD,{w[3]},{Reversed(w[3])},
            BD,{w[4]},{Reversed(w[4])},
            """);
        var done = await importer.RunAsync(uploaded.Id);

        var problems = await RowsAsync(importer, uploaded.Id, "&outcome=problem");
        var first = await importer.Client.GetAsync($"{importer.Api}/imports/{uploaded.Id}/rows?limit=2");
        var next = first.Headers.GetValues("Link").Single().Split('<', '>')[1];
        var second = (await importer.Client.GetFromJsonAsync<List<ImportRowResultDto>>(next, Http.Json))!;
        var csv = Web.Platform.Files.Csv.Read((await importer.Client.GetStringAsync($"{importer.Api}/imports/{uploaded.Id}/rows.csv?outcome=problem")).TrimStart('\uFEFF'));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/o/{importer.OrganisationId}/imports/{uploaded.Id}?outcome=problem"));
        var fetched = (await importer.Client.GetFromJsonAsync<ImportDto>($"{importer.Api}/imports/{uploaded.Id}", Http.Json))!;

        Assert.Equal(ImportStatus.Completed, done.Status);
        Assert.True(fetched.Rows!.Problem == 2, string.Join(" | ", (await RowsAsync(importer, uploaded.Id)).Select(p => $"{p.Row} {p.Outcome}: {p.Message}")));
        Assert.True(fetched.Rows.New == 3, string.Join(" | ", (await RowsAsync(importer, uploaded.Id)).Select(p => $"{p.Row} {p.Outcome} {p.SameAsRow} {p.Facility?.Name}")));
        Assert.Equal("done", fetched.Rows.Stage);
        Assert.Equal([3, 4], problems.Select(p => p.Row));
        Assert.True(problems.Count == 2, string.Join(" | ", problems.Select(p => $"{p.Row}: {p.Message}")));
        Assert.Contains("number_of_workers", problems[1].Message, StringComparison.Ordinal);
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([2, 3], (await first.ReadAsync<List<ImportRowResultDto>>()).Select(r => r.Row));
        Assert.Equal([4, 5], second.Select(r => r.Row));
        Assert.Equal(["row", "outcome", "message"], csv[0][..3]);
        Assert.Equal([("3", "problem"), ("4", "problem")], csv.Skip(1).Select(r => (r[0], r[1])));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, "<tr data-row=\"\\d+\" data-outcome=\"Problem\""));
        Assert.DoesNotMatch("<tr data-row=\"\\d+\" data-outcome=\"New\"", page);
        Assert.Contains("<span data-outcome=\"New\">3</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_no_table_a_bad_filter_and_another_organisations_import_give_problem_details()
    {
        var (importer, _) = await BrandAsync();
        var (other, otherBrowser) = await BrandAsync();
        var uploaded = await importer.PreviewAsync("country,name,address\nBD,Somewhere Knit,Plot 1\n");

        var notATable = await importer.UploadAsync("list.xlsx", "this is not a workbook"u8.ToArray());
        var badOutcome = await importer.Client.GetAsync($"{importer.Api}/imports/{uploaded.Id}/rows?outcome=sideways");
        var badCursor = await importer.Client.GetAsync($"{importer.Api}/imports/{uploaded.Id}/rows?cursor=nonsense");
        var othersRows = await other.Client.GetAsync($"/api/organisations/{importer.OrganisationId}/imports/{uploaded.Id}/rows");
        var crossRows = await other.Client.GetAsync($"{other.Api}/imports/{uploaded.Id}/rows");
        var crossCsv = await other.Client.GetAsync($"{other.Api}/imports/{uploaded.Id}/rows.csv");
        var crossDiscard = await other.Client.DeleteAsync($"{other.Api}/imports/{uploaded.Id}");
        var crossPage = await otherBrowser.GetAsync($"/o/{other.OrganisationId}/imports/{uploaded.Id}");

        Assert.NotEmpty((await notATable.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file"));
        Assert.NotEmpty((await badOutcome.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("outcome"));
        Assert.NotEmpty((await badCursor.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("cursor"));
        await othersRows.ProblemAsync(HttpStatusCode.NotFound);
        await crossRows.ProblemAsync(HttpStatusCode.NotFound);
        await crossCsv.ProblemAsync(HttpStatusCode.NotFound);
        await crossDiscard.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, crossPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await importer.Client.GetAsync($"{importer.Api}/imports/{uploaded.Id}")).StatusCode);
    }
}

public sealed class ImportPreviewSpecsOnSqlite(SqliteApp app) : ImportPreviewSpecs(app);

public sealed class ImportPreviewSpecsOnPostgres(PostgresApp app) : ImportPreviewSpecs(app);
