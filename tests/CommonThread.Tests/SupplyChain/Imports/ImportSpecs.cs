using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain.Imports;

public abstract class ImportSpecs(TestApp app)
{
    private const string Header = "country,name,address,number_of_workers,os_id,tier,buyer,union_name,worker_committee,foa_source,lat,lng";

    private Task<int> FacilitiesNamedAsync(string word) =>
        app.WithDbAsync(db => db.Set<Facility>().CountAsync(f => f.Name.Contains(word)));

    private Task<int> LinksOfAsync(Guid organisationId) =>
        app.WithDbAsync(db => db.Set<SupplyLink>().CountAsync(l => l.BuyerOrganisationId == organisationId));

    [Fact]
    public async Task The_preview_names_every_problem_by_row_and_column_and_writes_nothing()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();
        var csv = $"""
            {Header}
            BD,{w} Knit One,Plot 1 Gazipur,500,,,,,,
            XX,{w} Two,Somewhere,,,,,,,
            BD,,Plot 3 Gazipur,,,,,,,
            BD,{w} Four,Plot 4 Gazipur,many,,,,,,
            BD,{w} Knit One,Plot 1 Gazipur,,,,,,,
            BD,"=HYPERLINK(""http://evil.example"")",Plot 6,,,,,,,
            BD,{w} Seven,Plot 7,,,,Nobody,,,
            BD,{w} Eight,Plot 8,,,,,,sometimes,
            BD,{w} Nine,Plot 9,,BD123,,,,,
            BD,{w} Ten,Plot 10,,,,,,,,91.5,90.1
            """;

        var preview = await importer.PreviewAsync(csv);
        var problems = await importer.ProblemsAsync(preview.Id);

        Assert.Equal(ImportStatus.Previewed, preview.Status);
        Assert.Equal(10, preview.TotalRows);
        Assert.Equal(1, preview.ValidRows);
        Assert.Contains(problems, p => p is { Row: 3, Column: "country" });
        Assert.Contains(problems, p => p is { Row: 4, Column: "name" });
        Assert.Contains(problems, p => p is { Row: 5, Column: "number_of_workers" });
        Assert.Contains(problems, p => p.Row == 6 && p.Message.Contains("row 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 7 && p.Message.Contains("Formulas", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 8, Column: "buyer" });
        Assert.Contains(problems, p => p is { Row: 9, Column: "worker_committee" });
        Assert.Contains(problems, p => p is { Row: 10, Column: "os_id" });
        Assert.Contains(problems, p => p is { Row: 11, Column: "lat" } && p.Message.Contains("out of range", StringComparison.Ordinal));
        Assert.Equal(0, await FacilitiesNamedAsync(w));
        Assert.Equal(0, await LinksOfAsync(importer.OrganisationId));
    }

    [Fact]
    public async Task Countries_written_as_names_aliases_or_in_their_own_script_import_as_their_codes()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();
        var csv = $"""
            country,name,address
            USA,{w} Apparel One,1 Main Street Los Angeles
            Viet Nam,{w} Garment Two,Lot 5 Song Than Binh Duong
            Türkiye,{w} Tekstil Three,Organize Sanayi Bursa
            "Korea, Republic of",{w} Knit Four,Guro-gu Seoul
            বাংলাদেশ,{w} Sweaters Five,Plot 9 Ashulia Savar
            """;

        var import = await importer.ImportAsync(csv);
        var countries = await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name.StartsWith(w)).OrderBy(f => f.Name).Select(f => f.CountryCode).ToListAsync());

        Assert.Equal(ImportStatus.Completed, import.Status);
        Assert.Equal(5, import.NewFacilities);
        Assert.Equal(["US", "VN", "KR", "BD", "TR"], countries); // by name: Apparel, Garment, Knit, Sweaters, Tekstil
    }

    [Fact]
    public async Task A_country_that_could_be_two_is_refused_on_its_row_with_the_codes_to_choose_from()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();

        var preview = await importer.PreviewAsync($"country,name,address\nCongo,{w} One,Avenue 1 Kinshasa\nAtlantis,{w} Two,Somewhere\nBD,{w} Three,Plot 3 Savar\n");
        var problems = await importer.ProblemsAsync(preview.Id);

        Assert.Equal(1, preview.ValidRows);
        Assert.Contains(problems, p => p is { Row: 2, Column: "country" } && p.Message.Contains("(CG)", StringComparison.Ordinal) && p.Message.Contains("(CD)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 3, Column: "country" } && p.Message.Contains("such as BD or BGD", StringComparison.Ordinal));
        Assert.Equal(0, await FacilitiesNamedAsync(w));
    }

    [Fact]
    public async Task An_import_builds_the_chain_with_tiers_and_FoA_facts_and_importing_the_same_file_again_changes_nothing()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();
        var csv = $"""
            {Header}
            BD,{w} Garments Ltd,"Plot 5, Road 2, Ashulia, Savar",1200,,,,{w} Workers Union,elected,audit
            BD,{w} Spinning Mills,"Kaliakair, Gazipur",300,,,{w} Garments Ltd,,,
            IN,{w} homeworker group,"Palladam, Tiruppur",40,,3,{w} Spinning Mills,,none,interview
            """;

        var first = await importer.ImportAsync(csv);
        var again = await importer.ImportAsync(csv);

        Assert.Equal(ImportStatus.Completed, first.Status);
        Assert.Equal((3, 0, 3), (first.NewFacilities, first.MatchedRows, first.LinksCreated));
        Assert.Equal(3, first.FoaFactsRecorded); // union and elected committee at the garment factory; no committee among the homeworkers
        Assert.Equal(ImportStatus.Completed, again.Status);
        Assert.Equal(first.Id, again.SameFileAsImportId);
        Assert.Equal((0, 3, 0, 0, 0), (again.NewFacilities, again.MatchedRows, again.LinksCreated, again.LinksUpdated, again.FoaFactsRecorded));
        Assert.Equal(3, await FacilitiesNamedAsync(w));

        var seen = (await importer.Client.GetFromJsonAsync<List<FacilityDto>>($"{importer.Api}/facilities", Http.Json))!;
        Assert.Equal([1, 2, 3], seen.Where(f => f.Name.Contains(w, StringComparison.Ordinal)).OrderBy(f => f.Tier).Select(f => f.Tier!.Value));
        var links = (await importer.Client.GetFromJsonAsync<List<SupplyLinkDto>>($"{importer.Api}/links", Http.Json))!;
        var garments = seen.Single(f => f.Name == $"{w} Garments Ltd");
        var mill = seen.Single(f => f.Name == $"{w} Spinning Mills");
        Assert.Equal(garments.Id, links.Single(l => l.FacilityId == mill.Id).ViaFacilityId);
        var profile = (await importer.Client.GetFromJsonAsync<FoaProfileDto>($"{importer.Api}/facilities/{garments.Id}/foa", Http.Json))!;
        Assert.True(profile.HasUnion);
        Assert.True(profile.HasWorkerCommittee);
    }

    [Fact]
    public async Task A_row_written_differently_from_a_facility_already_on_the_platform_links_to_it()
    {
        var w = Unique.Word();
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var existing = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"{w} Knit Composite Limited", Address = "Plot 12, Road 5, Konabari, Gazipur 1700", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(facility);
            await db.SaveChangesAsync();
            return facility.Id;
        });
        var importer = await Importer.NewBrandAsync(app);

        var import = await importer.ImportAsync($"country,name,address\nBangladesh,{w} Knit Composite Ltd.,Plot 12 Rd 5 Konabari Gazipur\n");

        Assert.Equal((1, 0), (import.MatchedRows, import.NewFacilities));
        Assert.Equal(existing, await app.WithDbAsync(db => db.Set<SupplyLink>().Where(l => l.BuyerOrganisationId == importer.OrganisationId).Select(l => l.FacilityId).SingleAsync()));
        Assert.Equal(1, await FacilitiesNamedAsync(w));
    }

    [Fact]
    public async Task Uncertain_rows_wait_in_the_review_queue_and_a_person_links_or_separates_them()
    {
        var w = Unique.Word();
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            db.Add(new Facility { OperatorOrganisationId = supplier.Id, Name = $"{w} Knit Composite Ltd", Address = "Plot 12, Road 5, Konabari, Gazipur 1700", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
            db.Add(new Facility { OperatorOrganisationId = supplier.Id, Name = $"{w} Denim Washing Plant", Address = "Tongi Industrial Area, Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        var importer = await Importer.NewBrandAsync(app);

        var import = await importer.ImportAsync($"country,name,address\nBD,{w} Knit Composite,\"Road 9, Chandra, Gazipur\"\nBD,{w} Denim Washing Plant,\"Plot 7, Ashulia, Savar\"\n");
        var reviews = (await importer.Client.GetFromJsonAsync<List<MatchReviewDto>>($"{importer.Api}/imports/reviews", Http.Json))!;
        var knit = reviews.Single(r => r.Row.Name == $"{w} Knit Composite");
        var denim = reviews.Single(r => r.Row.Name == $"{w} Denim Washing Plant");
        var confirmed = await importer.Client.PostAsync($"{importer.Api}/imports/reviews/{knit.Id}/confirm", null);
        var rejected = await importer.Client.PostAsync($"{importer.Api}/imports/reviews/{denim.Id}/reject", null);
        var twice = await importer.Client.PostAsync($"{importer.Api}/imports/reviews/{knit.Id}/reject", null);

        Assert.Equal((2, 0, 0), (import.ReviewRows, import.NewFacilities, import.LinksCreated));
        Assert.Equal($"{w} Knit Composite Ltd", knit.Candidate.Name);
        Assert.InRange(knit.Confidence, 0.62, 0.86);
        Assert.Equal(knit.Candidate.FacilityId, (await confirmed.ReadAsync<MatchReviewDecisionDto>()).FacilityId);
        var separate = await rejected.ReadAsync<MatchReviewDecisionDto>();
        Assert.NotEqual(denim.Candidate.FacilityId, separate.FacilityId);
        await twice.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(3, await FacilitiesNamedAsync(w));
        Assert.Equal(2, await LinksOfAsync(importer.OrganisationId));
        Assert.Empty((await importer.Client.GetFromJsonAsync<List<MatchReviewDto>>($"{importer.Api}/imports/reviews", Http.Json))!);
    }

    [Fact]
    public async Task A_failure_while_writing_leaves_nothing_of_the_import_behind()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();
        var poison = $"poison-{w}";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? $"""
              CREATE FUNCTION fail_{w}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
              CREATE TRIGGER trg_{w} BEFORE INSERT ON "SupplyLinks" FOR EACH ROW WHEN (NEW."Process" = '{poison}') EXECUTE FUNCTION fail_{w}();
              """
            : $"CREATE TRIGGER trg_{w} BEFORE INSERT ON SupplyLinks WHEN NEW.Process = '{poison}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"));
        try
        {
            var csv = $"country,name,address,process\nBD,{w} One,Plot 1 Savar,\nBD,{w} Two,Plot 2 Savar,\nBD,{w} Three,Plot 3 Savar,{poison}\n";

            var import = await importer.ImportAsync(csv);

            Assert.Equal(ImportStatus.Failed, import.Status);
            Assert.Contains("nothing of it was written", import.Failure, StringComparison.Ordinal);
            Assert.Equal(0, await FacilitiesNamedAsync(w));
            Assert.Equal(0, await LinksOfAsync(importer.OrganisationId));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? $"DROP TRIGGER trg_{w} ON \"SupplyLinks\"; DROP FUNCTION fail_{w}();"
                : $"DROP TRIGGER trg_{w};"));
        }
    }

    [Fact]
    public async Task An_XLSX_list_is_read_like_a_CSV_and_its_formula_cells_are_refused()
    {
        var importer = await Importer.NewBrandAsync(app);
        var w = Unique.Word();
        var workbook = Spreadsheets.WithFormula(
            ["Country", "Name", "Address", "Number of workers"],
            [["BD", $"{w} Apparels", "Plot 9, Mirpur, Dhaka", "850"], ["VN", $"{w} Sewing", "Long An", "=1+1"]]);

        var response = await importer.UploadAsync("list.xlsx", workbook);
        var preview = await response.ReadAsync<ImportDto>();
        var problems = await importer.ProblemsAsync(preview.Id);

        Assert.Equal((2, 1), (preview.TotalRows, preview.ValidRows));
        Assert.Contains(problems, p => p is { Row: 3, Column: "number_of_workers" } && p.Message.Contains("Formulas", StringComparison.Ordinal));
        var done = await importer.RunAsync(preview.Id);
        Assert.Equal(1, done.NewFacilities);
        Assert.Equal(850, await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == $"{w} Apparels").Select(f => f.WorkersTotal).SingleAsync()));
    }

    [Theory]
    [InlineData("latin1.csv", "file", "UTF-8")]
    [InlineData("broken.xlsx", "file", "Excel")]
    [InlineData("old.xls", "file", ".xls")]
    [InlineData("empty.csv", "file", "empty")]
    public async Task A_file_that_cannot_be_read_gets_one_clear_message_and_no_import(string fileName, string field, string mentions)
    {
        var importer = await Importer.NewBrandAsync(app);
        byte[] bytes = fileName switch
        {
            "latin1.csv" => System.Text.Encoding.Latin1.GetBytes("country,name,address\nTR,Örnek Tekstil,İstanbul Şişli\n"),
            "broken.xlsx" => [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8],
            "old.xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => [],
        };

        var response = await importer.UploadAsync(fileName, bytes);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(mentions, problem.FieldErrors(field).Single(), StringComparison.Ordinal);
        Assert.Empty((await importer.Client.GetFromJsonAsync<List<ImportDto>>($"{importer.Api}/imports", Http.Json))!);
    }

    [Fact]
    public async Task A_200_MB_upload_is_turned_away_before_it_is_read()
    {
        var importer = await Importer.NewBrandAsync(app);
        using var huge = new System.Net.Http.StreamContent(new MemoryStream(new byte[1024]));
        huge.Headers.ContentLength = 200L * 1024 * 1024;
        huge.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };

        var response = await importer.Client.PostAsync($"{importer.Api}/imports", huge);

        Assert.Contains("64 MB", (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).FieldErrors("file").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewers_cannot_upload_and_other_organisations_cannot_see_an_import()
    {
        var importer = await Importer.NewBrandAsync(app);
        var preview = await importer.PreviewAsync($"country,name,address\nBD,{Unique.Word()},Dhaka\n");
        var organisation = await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == importer.OrganisationId));
        var viewer = new Importer(await app.ClientForAsync(await app.NewMemberAsync(organisation.Name, MemberRole.Viewer)), importer.OrganisationId);
        var competitor = await Importer.NewBrandAsync(app);

        var viewerUpload = await viewer.UploadAsync("x.csv", "country,name,address\nBD,A,B\n"u8.ToArray());
        var viewerStart = await viewer.Client.PostAsync($"{viewer.Api}/imports/{preview.Id}/start", null);
        var peek = await competitor.Client.GetAsync($"{competitor.Api}/imports/{preview.Id}");
        var crossPeek = await competitor.Client.GetAsync($"{importer.Api}/imports/{preview.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, viewerUpload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerStart.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossPeek.StatusCode);
    }
}

public sealed class ImportSpecsOnSqlite(SqliteApp app) : ImportSpecs(app);

public sealed class ImportSpecsOnPostgres(PostgresApp app) : ImportSpecs(app);
