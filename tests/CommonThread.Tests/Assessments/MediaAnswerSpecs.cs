using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.Platform;
using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;
using CommonThread.XlsForm;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Assessments;

/// <summary>
/// Questions made for phones in ODK and KoboToolbox: a photo, a document, a location, and a voice note this platform cannot record.
/// Photos and documents are kept like other evidence and read only by the two sides of the assignment.
/// </summary>
public abstract class MediaAnswerSpecs(TestApp app)
{
    private const string Form = """
        survey,type,name,label,relevant
        ,text,manager,Who showed you around?,
        ,select_one yn,has_board,Is there a notice board?,
        ,image,board,A photo of the notice board,${has_board} = 'yes'
        ,file,policy,The freedom of association policy,
        ,geopoint,location,Where is the workplace?,
        ,audio,voice,A voice note,
        ,barcode,badge,The badge number of the person interviewed,
        choices,list_name,name,label
        ,yn,yes,Yes
        ,yn,no,No
        settings,form_title,form_id
        ,Site visit with photos,site_visit
        """;

    private static readonly byte[] Pdf = "%PDF-1.4 policy"u8.ToArray();

    [Fact]
    public async Task A_form_with_media_and_location_loads_and_tells_the_author_what_is_skipped_or_typed_instead()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var imported = await ImportAsync(world);

        var listed = (await world.Brand.GetFromJsonAsync<List<QuestionnaireDto>>($"{world.BrandApi}/questionnaires", Http.Json))!.Single(q => q.Id == imported.Id);

        var voice = Assert.Single(imported.Adaptations, a => a.Question == "voice");
        Assert.Equal((AdaptationKind.Skipped, "audio", 7), (voice.Kind, voice.Type, voice.Row));
        Assert.Equal(AdaptationKind.PlainInput, Assert.Single(imported.Adaptations, a => a.Question == "badge").Kind);
        Assert.DoesNotContain(imported.Adaptations, a => a.Question is "board" or "policy" or "location");
        Assert.Equal(imported.Adaptations, listed.Adaptations);
        Assert.Equal(6, imported.Questions);
    }

    [Fact]
    public async Task A_photo_answers_an_image_question_and_only_the_two_sides_read_it_the_sender_once_it_is_submitted()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync((await ImportAsync(world)).Id);
        var (stranger, _) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var photoUrl = $"{world.SupplierApi}/assignments/{assignment.Id}/files/board";

        var draft = await (await world.Supplier.PutAsync(photoUrl, Upload(ApiEndpointCases.SamplePng, "board.png"))).ReadAsync<ResponseDto>();
        var brandBefore = await world.Brand.GetAsync($"{world.BrandApi}/assignments/{assignment.Id}/files/board");
        var strangerReads = await stranger.GetAsync(photoUrl);
        await (await world.Supplier.PutAsync($"{world.SupplierApi}/assignments/{assignment.Id}/files/policy", Upload(Pdf, "policy.pdf"))).ReadAsync<ResponseDto>();
        var submitted = await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new
        {
            values = new Dictionary<string, string> { ["manager"] = "HR manager", ["has_board"] = "yes", ["board"] = "board.png", ["policy"] = "policy.pdf", ["location"] = "11.5564 104.9282" },
        })).ReadAsync<ResponseDto>();
        var brandAfter = await world.Brand.GetAsync($"{world.BrandApi}/assignments/{assignment.Id}/files/board");

        Assert.Equal("board.png", draft.Values["board"]);
        Assert.Equal(HttpStatusCode.NotFound, brandBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerReads.StatusCode);
        Assert.Equal("11.5564 104.9282", submitted.Values["location"]);
        Assert.Equal(HttpStatusCode.OK, brandAfter.StatusCode);
        Assert.Equal("image/png", brandAfter.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiEndpointCases.SamplePng, await brandAfter.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_a_file_for_a_text_question_and_a_location_off_the_globe_are_refused_beside_their_question()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync((await ImportAsync(world)).Id);
        var files = $"{world.SupplierApi}/assignments/{assignment.Id}/files";

        var notAPhoto = await (await world.Supplier.PutAsync($"{files}/board", Upload(Encoding.UTF8.GetBytes("just text"), "board.png"))).ProblemAsync(HttpStatusCode.BadRequest);
        var pdfAsPhoto = await (await world.Supplier.PutAsync($"{files}/board", Upload(Pdf, "board.pdf"))).ProblemAsync(HttpStatusCode.BadRequest);
        var textQuestion = await (await world.Supplier.PutAsync($"{files}/manager", Upload(ApiEndpointCases.SamplePng, "board.png"))).ProblemAsync(HttpStatusCode.BadRequest);
        var offTheGlobe = await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new
        {
            values = new Dictionary<string, string> { ["manager"] = "HR manager", ["has_board"] = "no", ["location"] = "91 200" },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(notAPhoto.FieldErrors("board"));
        Assert.Contains("JPEG or PNG", string.Join(" ", pdfAsPhoto.FieldErrors("board")), StringComparison.Ordinal);
        Assert.Contains("does not take a file", Assert.Single(textQuestion.FieldErrors("manager")), StringComparison.Ordinal);
        Assert.NotEmpty(offTheGlobe.FieldErrors("location"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AssessmentFile>().CountAsync(f => f.AssignmentId == assignment.Id)));
    }

    [Fact]
    public async Task A_photo_of_a_question_the_answers_skip_is_not_kept_with_the_submission()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync((await ImportAsync(world)).Id);
        await (await world.Supplier.PutAsync($"{world.SupplierApi}/assignments/{assignment.Id}/files/board", Upload(ApiEndpointCases.SamplePng, "board.png"))).ReadAsync<ResponseDto>();

        var submitted = await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new
        {
            values = new Dictionary<string, string> { ["manager"] = "HR manager", ["has_board"] = "no", ["board"] = "board.png" },
        })).ReadAsync<ResponseDto>();

        Assert.False(submitted.Values.ContainsKey("board"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AssessmentFile>().CountAsync(f => f.AssignmentId == assignment.Id)));
    }

    [Fact]
    public async Task The_export_splits_a_location_as_KoboToolbox_does_and_keeps_a_skipped_question_as_an_empty_column()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var questionnaire = await ImportAsync(world);
        var assignment = await world.AssignAsync(questionnaire.Id);
        await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new
        {
            values = new Dictionary<string, string> { ["manager"] = "HR manager", ["has_board"] = "no", ["location"] = "11.5564 104.9282 12 5", ["badge"] = "B-1042" },
        })).ReadAsync<ResponseDto>();

        var csv = Csv.Read(await world.Brand.GetStringAsync($"{world.BrandApi}/questionnaires/{questionnaire.Id}/responses.csv"));

        var header = csv[0].ToList();
        var row = csv[1];
        Assert.Equal("11.5564 104.9282 12 5", row[header.IndexOf("location")]);
        Assert.Equal(("11.5564", "104.9282", "12", "5"),
            (row[header.IndexOf("_location_latitude")], row[header.IndexOf("_location_longitude")], row[header.IndexOf("_location_altitude")], row[header.IndexOf("_location_precision")]));
        Assert.Equal("", row[header.IndexOf("voice")]);
        Assert.Equal("B-1042", row[header.IndexOf("badge")]);
    }

    [Fact]
    public async Task On_the_page_a_location_is_two_numbers_a_photo_is_a_file_input_and_a_posted_photo_becomes_the_answer()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync((await ImportAsync(world)).Id);
        var client = await app.SignedInAsync((await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Editor)).Email, TestMember.Password);
        var page = $"/o/{world.SupplierOrganisation.Id}/assessments/{assignment.Id}";
        var first = await client.GetStringAsync(page);
        var post = new MultipartFormDataContent
        {
            { new StringContent("yes"), "a.has_board" },
            { new StringContent("has_board"), "present" },
            { new StringContent("11.5564"), "a.location" },
            { new StringContent("104.9282"), "a.location" },
            { new StringContent("location"), "present" },
            { new ByteArrayContent(ApiEndpointCases.SamplePng), "f.board", "notice-board.png" },
            { new StringContent("save"), "action" },
        };

        var saved = await (await client.PostMultipartFormAsync(page, "answers", post)).Content.ReadAsStringAsync();
        var draft = await world.Supplier.GetFromJsonAsync<ResponseDto>($"{world.SupplierApi}/assignments/{assignment.Id}/response", Http.Json);

        Assert.Contains("id=\"q-location-lon\"", first, StringComparison.Ordinal);
        Assert.Contains("type=\"file\" name=\"f.board\"", first, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("data-key=\"voice\"", first, StringComparison.Ordinal);
        Assert.Equal(("notice-board.png", "11.5564 104.9282"), (draft!.Values["board"], draft.Values["location"]));
        Assert.Contains($"/assignments/{assignment.Id}/files/board", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_larger_together_than_the_page_takes_are_turned_away_before_they_are_read_and_the_page_says_why()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync((await ImportAsync(world)).Id);
        var client = await app.SignedInAsync((await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Editor)).Email, TestMember.Password);
        using var huge = new StreamContent(new MemoryStream(new byte[1024]));
        huge.Headers.ContentLength = AnswerFileUploads.MaxPageBytes + (2 * 1024 * 1024);
        huge.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };

        var response = await client.PostAsync($"/o/{world.SupplierOrganisation.Id}/assessments/{assignment.Id}", huge);
        var page = await client.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("larger than 50 MB, so nothing was saved", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AssessmentResponse>().CountAsync(r => r.AssignmentId == assignment.Id)));
    }

    [Fact]
    public async Task The_assessments_page_shows_the_author_the_questions_it_will_skip_after_an_upload()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var client = await app.SignedInAsync((await app.NewMemberAsync(world.BrandOrganisation.Name, MemberRole.Editor)).Email, TestMember.Password);
        var page = $"/o/{world.BrandOrganisation.Id}/assessments";
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Form.Replace("\r", "", StringComparison.Ordinal))), "file", "site-visit.csv" } };

        var answer = await (await client.PostMultipartFormAsync(page, "import", upload)).Content.ReadAsStringAsync();
        var table = answer[answer.IndexOf("id=\"questionnaire-adaptations\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.Contains("'Site visit with photos' imported", WebUtility.HtmlDecode(answer), StringComparison.Ordinal);
        Assert.Contains("voice", table, StringComparison.Ordinal);
        Assert.Contains("audio", table, StringComparison.Ordinal);
        Assert.Contains("badge", table, StringComparison.Ordinal);
        Assert.DoesNotContain(">board<", table, StringComparison.Ordinal);
    }

    private static async Task<QuestionnaireDto> ImportAsync(AssessmentWorld world) =>
        await (await world.Brand.PostAsync($"{world.BrandApi}/questionnaires/import", Upload(Encoding.UTF8.GetBytes(Form.Replace("\r", "", StringComparison.Ordinal)), "site-visit.csv")))
            .ReadAsync<QuestionnaireDto>();

    private static MultipartFormDataContent Upload(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
}

public sealed class MediaAnswerSpecsOnSqlite(SqliteApp app) : MediaAnswerSpecs(app);

public sealed class MediaAnswerSpecsOnPostgres(PostgresApp app) : MediaAnswerSpecs(app);
