using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommonThread.Matching;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>The review queue at scale: pages of 50 with totals, filters by import and by the part that disagrees, and decisions on many rows at once.</summary>
public abstract partial class ReviewQueueSpecs(TestApp app)
{
    /// <summary>A fresh brand with an editor signed in by token (API) and by cookie (page), and a facility its rows may be.</summary>
    private sealed record Brand(Importer Importer, HttpClient Browser, Guid CandidateId)
    {
        public Guid OrganisationId => Importer.OrganisationId;

        public string Page => $"/o/{OrganisationId}/imports/reviews";
    }

    private async Task<Brand> BrandAsync()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var candidate = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { Name = $"{Unique.Word()} Knit Composite Ltd", Address = "Plot 12, Road 5, Konabari, Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(facility);
            await db.SaveChangesAsync();
            return facility.Id;
        });
        return new(new Importer(await app.ClientForAsync(member), organisation.Id), await app.SignedInAsync(member.Email, TestMember.Password), candidate);
    }

    /// <summary>A completed import of the brand with one pending review per evidence list, each row named afresh; the reviews' ids in that order.</summary>
    private Task<List<Guid>> ReviewsAsync(Brand brand, params IReadOnlyList<MatchEvidence>[] evidence) => app.WithDbAsync(async db =>
    {
        var csv = $"country,name,address\nBD,{Unique.Word()},1 Test Road\n";
        var import = new FacilityImport
        {
            OrganisationId = brand.OrganisationId, FileName = $"{Unique.Word()}.csv", FileSha256 = Secrets.Hash(csv), Status = ImportStatus.Completed,
            TotalRows = evidence.Length, ValidRows = evidence.Length, ReviewRows = evidence.Length, UploadedAt = DateTimeOffset.UnixEpoch,
        };
        var reviews = evidence.Select((e, i) =>
        {
            var row = new ImportRow { RowNumber = i + 2, Name = $"{Unique.Word()} Knit Composite", Address = $"Road {i + 9}, Chandra, Gazipur", CountryCode = "BD" };
            return new MatchReview
            {
                OrganisationId = brand.OrganisationId, ImportId = import.Id, RowNumber = row.RowNumber, RowKey = Guid.NewGuid().ToString("N"), RowJson = JsonSerializer.Serialize(row),
                CandidateFacilityId = brand.CandidateId, Confidence = 0.7, Status = ReviewStatus.Pending, EvidenceJson = ReviewEvidence.Write(e),
            };
        }).ToList();
        db.AddRange(import, new FacilityImportContent { ImportId = import.Id, Bytes = Encoding.UTF8.GetBytes(csv) });
        db.AddRange(reviews);
        await db.SaveChangesAsync();
        return reviews.Select(r => r.Id).ToList();
    });

    private static IReadOnlyList<MatchEvidence> Saying(params (EvidencePart Part, Verdict Verdict)[] parts) =>
        parts.Select(p => new MatchEvidence(p.Part, p.Verdict, p.Verdict == Verdict.Agrees ? 1 : 0.4, "row", "candidate")).ToList();

    private static readonly IReadOnlyList<MatchEvidence> AddressPartly = Saying((EvidencePart.Name, Verdict.Agrees), (EvidencePart.Address, Verdict.Partly));

    private static async Task<string> PageAsync(HttpClient browser, string path) => WebUtility.HtmlDecode(await browser.GetStringAsync(path));

    private static HashSet<Guid> Shown(string html) =>
        ReviewSection().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToHashSet();

    private Task<MatchReview> StoredAsync(Guid id) => app.WithDbAsync(db => db.Set<MatchReview>().AsNoTracking().SingleAsync(r => r.Id == id));

    private static Task<HttpResponseMessage> DecideAsync(Brand brand, Guid organisationId, IEnumerable<Guid>? confirm = null, IEnumerable<Guid>? reject = null) =>
        brand.Importer.Client.PostAsJsonAsync($"/api/organisations/{organisationId}/imports/reviews/decisions", new { confirm = confirm ?? [], reject = reject ?? [] });

    private static Task<HttpResponseMessage> TickAndDecideAsync(Brand brand, string decision, params Guid[] ids) =>
        brand.Browser.PostFormFieldsAsync(brand.Page, "decide-selected", ids.Select(id => new KeyValuePair<string, string>("Selected", id.ToString())).Append(new("Bulk", decision)));

    [Fact]
    public async Task The_queue_shows_fifty_rows_a_page_with_the_total_and_the_second_page_holds_the_rest()
    {
        var brand = await BrandAsync();
        var ids = await ReviewsAsync(brand, Enumerable.Repeat(AddressPartly, 60).ToArray());

        var first = await PageAsync(brand.Browser, brand.Page);
        var second = await PageAsync(brand.Browser, brand.Page + "?page=2");
        var spanish = await PageAsync(brand.Browser, brand.Page + "?page=2&culture=es&ui-culture=es");

        Assert.Contains("Showing 1–50 of 60", first, StringComparison.Ordinal);
        Assert.Contains("Showing 51–60 of 60", second, StringComparison.Ordinal);
        Assert.Equal((50, 10), (Shown(first).Count, Shown(second).Count));
        Assert.Empty(Shown(first).Intersect(Shown(second)));
        Assert.True(Shown(first).Union(Shown(second)).ToHashSet().SetEquals(ids));
        Assert.Matches("href=\"[^\"]*page=2\" rel=\"next\"", first);
        Assert.Matches("href=\"[^\"]*page=1\" rel=\"prev\"", second);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        Assert.Contains("Confirmar las marcadas", spanish, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(second, "type=\"checkbox\" name=\"Selected\" value=\"[0-9a-f-]{36}\" form=\"bulk-decisions\""));
    }

    [Fact]
    public async Task The_filter_shows_the_rows_of_one_import_or_those_where_a_chosen_part_differs_or_agrees_only_in_part()
    {
        var brand = await BrandAsync();
        var first = await ReviewsAsync(brand,
            Saying((EvidencePart.UnitNumbers, Verdict.Differs), (EvidencePart.Name, Verdict.Agrees)),
            AddressPartly,
            Saying((EvidencePart.Name, Verdict.Differs), (EvidencePart.UnitNumbers, Verdict.Agrees)));
        var second = await ReviewsAsync(brand, Saying((EvidencePart.UnitNumbers, Verdict.Differs)));
        var importOfFirst = (await StoredAsync(first[0])).ImportId;
        var importOfSecond = (await StoredAsync(second[0])).ImportId;

        var units = await PageAsync(brand.Browser, brand.Page + "?differs=UnitNumbers");
        var unitsOfFirst = await PageAsync(brand.Browser, $"{brand.Page}?differs=UnitNumbers&import={importOfFirst}");
        var ofSecond = await PageAsync(brand.Browser, $"{brand.Page}?import={importOfSecond}");
        var address = await PageAsync(brand.Browser, brand.Page + "?differs=Address");
        var name = await PageAsync(brand.Browser, brand.Page + "?differs=Name");

        Assert.True(Shown(units).SetEquals([first[0], second[0]]));
        Assert.Contains("Showing 1–2 of 2", units, StringComparison.Ordinal);
        Assert.True(Shown(unitsOfFirst).SetEquals([first[0]]));
        Assert.True(Shown(ofSecond).SetEquals([second[0]]));
        Assert.True(Shown(address).SetEquals([first[1]]));
        Assert.True(Shown(name).SetEquals([first[2]]));
        Assert.Contains("<option value=\"UnitNumbers\" selected>", units, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{importOfSecond}\" selected>", ofSecond, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticked_rows_confirmed_on_the_page_are_linked_and_separated_ones_made_new_and_the_page_says_how_many_of_each()
    {
        var brand = await BrandAsync();
        var ids = await ReviewsAsync(brand, AddressPartly, AddressPartly, AddressPartly);

        var confirmed = WebUtility.HtmlDecode(await (await TickAndDecideAsync(brand, "same", ids[0], ids[1])).Content.ReadAsStringAsync());
        var separated = WebUtility.HtmlDecode(await (await TickAndDecideAsync(brand, "different", ids[1], ids[2])).Content.ReadAsStringAsync());
        var reviews = await Task.WhenAll(ids.Select(StoredAsync));
        var linked = await app.WithDbAsync(db => db.Set<SupplyLink>().Where(l => l.BuyerOrganisationId == brand.OrganisationId).Select(l => l.FacilityId).ToListAsync());

        Assert.Contains("2 linked, 0 made new, 0 already decided.", confirmed, StringComparison.Ordinal);
        Assert.Contains("0 linked, 1 made new, 1 already decided.", separated, StringComparison.Ordinal);
        Assert.Equal([ReviewStatus.Confirmed, ReviewStatus.Confirmed, ReviewStatus.Rejected], reviews.Select(r => r.Status));
        Assert.Equal([brand.CandidateId, brand.CandidateId], reviews[..2].Select(r => r.ResultFacilityId!.Value));
        Assert.NotEqual(brand.CandidateId, reviews[2].ResultFacilityId);
        Assert.True(linked.ToHashSet().SetEquals([brand.CandidateId, reviews[2].ResultFacilityId!.Value]));
        Assert.Empty(Shown(separated));
        Assert.Contains("id=\"no-reviews\"", separated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_decides_each_review_reports_its_outcome_and_facility_and_the_same_request_again_changes_nothing()
    {
        var brand = await BrandAsync();
        var ids = await ReviewsAsync(brand, AddressPartly, AddressPartly);

        var response = await DecideAsync(brand, brand.OrganisationId, confirm: [ids[0]], reject: [ids[1]]);
        var raw = await response.Content.ReadAsStringAsync();
        var first = await response.ReadAsync<List<ReviewDecisionResultDto>>();
        var facilities = await app.WithDbAsync(db => db.Set<Facility>().CountAsync());
        var again = await (await DecideAsync(brand, brand.OrganisationId, confirm: [ids[0]], reject: [ids[1]])).ReadAsync<List<ReviewDecisionResultDto>>();
        var reviews = await Task.WhenAll(ids.Select(StoredAsync));

        Assert.Equal([(ids[0], ReviewDecisionOutcome.Linked), (ids[1], ReviewDecisionOutcome.Separated)], first.Select(r => (r.Id, r.Outcome)));
        Assert.Equal(brand.CandidateId, first[0].FacilityId);
        Assert.Equal(reviews[1].ResultFacilityId, first[1].FacilityId);
        Assert.NotEqual(brand.CandidateId, first[1].FacilityId);
        Assert.Contains("\"outcome\":\"linked\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"separated\"", raw, StringComparison.Ordinal);
        Assert.Equal([ReviewDecisionOutcome.AlreadyDecided, ReviewDecisionOutcome.AlreadyDecided], again.Select(r => r.Outcome));
        Assert.Equal(first.Select(r => r.FacilityId), again.Select(r => r.FacilityId));
        Assert.Equal(facilities, await app.WithDbAsync(db => db.Set<Facility>().CountAsync()));
        Assert.Equal([ReviewStatus.Confirmed, ReviewStatus.Rejected], reviews.Select(r => r.Status));
    }

    [Fact]
    public async Task Another_organisations_reviews_named_in_a_bulk_decision_are_not_found_and_stay_pending()
    {
        var victim = await BrandAsync();
        var victimIds = await ReviewsAsync(victim, AddressPartly, AddressPartly);
        var attacker = await BrandAsync();
        // A second row of its own still waits, so the attacker's page shows the bulk form to post into.
        var own = (await ReviewsAsync(attacker, AddressPartly, AddressPartly))[0];

        var results = await (await DecideAsync(attacker, attacker.OrganisationId, confirm: [victimIds[0], own], reject: [victimIds[1]])).ReadAsync<List<ReviewDecisionResultDto>>();
        var intoVictim = await DecideAsync(attacker, victim.OrganisationId, confirm: victimIds);
        var page = WebUtility.HtmlDecode(await (await TickAndDecideAsync(attacker, "same", victimIds[0])).Content.ReadAsStringAsync());
        var victimReviews = await Task.WhenAll(victimIds.Select(StoredAsync));

        Assert.Equal([(victimIds[0], ReviewDecisionOutcome.NotFound, (Guid?)null), (own, ReviewDecisionOutcome.Linked, attacker.CandidateId), (victimIds[1], ReviewDecisionOutcome.NotFound, null)],
            results.Select(r => (r.Id, r.Outcome, r.FacilityId)));
        await intoVictim.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("0 linked, 0 made new, 0 already decided.", page, StringComparison.Ordinal);
        Assert.All(victimReviews, r => Assert.Equal((ReviewStatus.Pending, (Guid?)null, (string?)null), (r.Status, r.ResultFacilityId, r.DecidedByUserId)));
        Assert.False(await app.WithDbAsync(db => db.Set<SupplyLink>().AnyAsync(l => l.BuyerOrganisationId == victim.OrganisationId)));
    }

    [Fact]
    public async Task More_than_500_ids_in_one_request_is_a_bad_request_naming_the_field_and_decides_nothing()
    {
        var brand = await BrandAsync();
        var real = (await ReviewsAsync(brand, AddressPartly)).Single();

        var tooMany = await DecideAsync(brand, brand.OrganisationId, confirm: [real, .. Enumerable.Range(0, 300).Select(_ => Guid.NewGuid())],
            reject: Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()));
        var both = await DecideAsync(brand, brand.OrganisationId, confirm: [real], reject: [real]);

        var problem = await tooMany.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 500", string.Join(" ", problem.FieldErrors("confirm").Concat(problem.FieldErrors("reject"))), StringComparison.Ordinal);
        Assert.NotEmpty((await both.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reject"));
        Assert.Equal(ReviewStatus.Pending, (await StoredAsync(real)).Status);
    }

    [Fact]
    public async Task A_row_whose_os_id_another_facility_has_is_refused_as_new_and_stays_pending_while_the_rest_are_decided()
    {
        var brand = await BrandAsync();
        var ids = await ReviewsAsync(brand, AddressPartly, AddressPartly);
        var osId = $"BD{Random.Shared.Next(10_000_000):D7}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        await app.WithDbAsync(async db =>
        {
            db.Add(new Facility { Name = $"{Unique.Word()} Mills", Address = "3 Test Road", CountryCode = "BD", OsId = osId, CreatedAt = DateTimeOffset.UnixEpoch });
            var review = await db.Set<MatchReview>().SingleAsync(r => r.Id == ids[0]);
            var row = JsonSerializer.Deserialize<ImportRow>(review.RowJson)! with { OsId = osId };
            db.Entry(review).Property(r => r.RowJson).CurrentValue = JsonSerializer.Serialize(row);
            return await db.SaveChangesAsync();
        });

        var results = await (await DecideAsync(brand, brand.OrganisationId, reject: ids)).ReadAsync<List<ReviewDecisionResultDto>>();

        Assert.Equal([(ids[0], ReviewDecisionOutcome.Refused), (ids[1], ReviewDecisionOutcome.Separated)], results.Select(r => (r.Id, r.Outcome)));
        Assert.Equal(ReviewStatus.Pending, (await StoredAsync(ids[0])).Status);
        Assert.Equal(ReviewStatus.Rejected, (await StoredAsync(ids[1])).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Facility>().CountAsync(f => f.OsId == osId)));
    }

    [GeneratedRegex("<section class=\"review\" id=\"review-([0-9a-f-]{36})\"")]
    private static partial Regex ReviewSection();
}

public sealed class ReviewQueueSpecsOnSqlite(SqliteApp app) : ReviewQueueSpecs(app);

public sealed class ReviewQueueSpecsOnPostgres(PostgresApp app) : ReviewQueueSpecs(app);
