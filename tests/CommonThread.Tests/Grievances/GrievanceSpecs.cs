using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Grievances;

/// <summary>The demo mechanism of Dhaka Knitwear (see Demo/DemoGrievances.cs): BGWF is the union there; Northwind and Meridian buy from it.</summary>
public abstract class GrievanceSpecs(TestApp app)
{
    private const string Channel = DemoGrievances.ChannelCode;

    private sealed record Party(HttpClient Client, Guid OrganisationId)
    {
        public string Cases => $"/api/organisations/{OrganisationId}/grievances";
    }

    private async Task<Party> PartyAsync(string organisation, MemberRole role = MemberRole.Editor)
    {
        var member = await app.NewMemberAsync(organisation, role);
        return new(await app.ClientForAsync(member), member.OrganisationId);
    }

    private Task<GrievanceCase> CaseAsync(string reference) =>
        app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == reference));

    private static string ReferenceOn(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "GR-[0-9A-Z]{8}").Value;

    private async Task<(GrievanceCase Case, string Code)> ReportAsync(string text, Dictionary<string, string>? more = null)
    {
        var (page, code) = await new Reporter(app).ReportAsync(Channel, text, more: more);
        return (await CaseAsync(ReferenceOn(page)), code);
    }

    [Fact]
    public async Task An_anonymous_report_is_stored_encrypted_with_nothing_that_identifies_the_sender_and_its_code_opens_it()
    {
        var text = $"Fire exit on floor 3 is locked {Guid.NewGuid():N}";

        var (grievance, code) = await ReportAsync(text);
        var opened = await new Reporter(app).FollowUpAsync(code);

        Assert.Matches("^[0-9]{16}$", code);
        Assert.True(grievance.Anonymous);
        Assert.Null(grievance.ReporterIdentity);
        Assert.DoesNotContain(text, Encoding.UTF8.GetString(grievance.Report), StringComparison.Ordinal);
        Assert.NotEqual(Encoding.ASCII.GetBytes(code), grievance.ReceiptHash);
        Assert.Equal(grievance.ReceivedOn.AddDays(7), grievance.AcknowledgeBy);
        Assert.Equal(grievance.ReceivedOn.AddDays(90), grievance.FeedbackBy);
        Assert.Contains(text, opened, StringComparison.Ordinal);
        // The case has no column for an address, a browser or a time of day.
        Assert.DoesNotContain(typeof(GrievanceCase).GetProperties(), p => p.PropertyType == typeof(DateTimeOffset) || p.Name.Contains("Ip", StringComparison.Ordinal) || p.Name.Contains("Agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_form_sent_twice_files_one_case_and_shows_the_same_receipt()
    {
        var reporter = new Reporter(app);
        var form = await reporter.OpenFormAsync(Channel);
        var fields = new Dictionary<string, string> { ["Input.Category"] = "WorkingHours", ["Input.Text"] = $"Sunday shifts {Guid.NewGuid():N}", ["Input.Anonymous"] = "true" };

        var first = await (await reporter.SendAsync(Channel, form, fields)).Content.ReadAsStringAsync();
        var second = await (await reporter.SendAsync(Channel, form, fields)).Content.ReadAsStringAsync();

        Assert.Equal(Reporter.CodeOn(first), Reporter.CodeOn(second));
        Assert.Equal(ReferenceOn(first), ReferenceOn(second));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<GrievanceCase>().CountAsync(c => c.Reference == ReferenceOn(first))));
    }

    [Fact]
    public async Task A_case_about_a_facility_brings_in_its_supplier_union_and_brands_and_a_brand_does_not_see_the_other_brands()
    {
        var (grievance, _) = await ReportAsync("Union members moved to night shift after the election");
        var northwind = await PartyAsync("Northwind Apparel");
        var union = await PartyAsync("Bangladesh Garment Workers Federation (demo)");
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");
        var outsider = await PartyAsync("Mekong Garments Co.");
        var otherBrand = await PartyAsync("Solstice Sportswear");

        var asBrand = (await northwind.Client.GetFromJsonAsync<CaseDetail>($"{northwind.Cases}/{grievance.Id}", Http.Json))!;
        var asUnion = (await union.Client.GetFromJsonAsync<CaseDetail>($"{union.Cases}/{grievance.Id}", Http.Json))!;

        Assert.Equal([PartyRole.Supplier, PartyRole.Union, PartyRole.Brand], asBrand.Parties.Select(p => p.Role).Order());
        Assert.DoesNotContain(asBrand.Parties, p => p.Organisation == "Meridian Outfitters");
        Assert.Contains(asUnion.Parties, p => p.Organisation == "Meridian Outfitters");
        Assert.Contains(asUnion.Parties, p => p.Organisation == "Northwind Apparel");
        Assert.Contains((await supplier.Client.GetFromJsonAsync<List<CaseSummary>>(supplier.Cases, Http.Json))!, c => c.Id == grievance.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"{outsider.Cases}/{grievance.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrand.Client.GetAsync($"{otherBrand.Cases}/{grievance.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrand.Client.GetAsync($"{northwind.Cases}/{grievance.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_case_moves_through_every_state_and_closes_only_when_every_required_party_agreed()
    {
        var (grievance, code) = await ReportAsync("Overtime unpaid since March");
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");
        var union = await PartyAsync("Bangladesh Garment Workers Federation (demo)");
        var northwind = await PartyAsync("Northwind Apparel");
        var meridian = await PartyAsync("Meridian Outfitters");
        async Task<HttpResponseMessage> Move(Party p, string to, string? reason = null) =>
            await p.Client.PostAsJsonAsync($"{p.Cases}/{grievance.Id}/transitions", new { to, reason });
        async Task<HttpResponseMessage> Say(Party p, string kind, string text) =>
            await p.Client.PostAsJsonAsync($"{p.Cases}/{grievance.Id}/messages", new { kind, text });

        Assert.Equal(HttpStatusCode.OK, (await Move(supplier, "Acknowledged")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(union, "UnderInvestigation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Say(union, "Finding", "Payroll shows 40 unpaid hours per worker")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Say(northwind, "InternalNote", "Northwind will fund the back pay if needed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Say(supplier, "RemedyProposal", "Back pay for all hours by the 30th")).StatusCode);
        await (await Move(supplier, "RemedyAgreed")).ProblemAsync(HttpStatusCode.Conflict);
        foreach (var party in new[] { supplier, union, northwind })
        {
            Assert.Equal(HttpStatusCode.OK, (await party.Client.PostAsync($"{party.Cases}/{grievance.Id}/agree", null)).StatusCode);
        }

        await (await Move(supplier, "RemedyAgreed")).ProblemAsync(HttpStatusCode.Conflict); // Meridian, a brand, has not agreed yet
        // The last agreement needed moves the remedy to agreed by itself.
        Assert.Equal(CaseStatus.RemedyAgreed, (await (await meridian.Client.PostAsync($"{meridian.Cases}/{grievance.Id}/agree", null)).ReadAsync<CaseDetail>()).Summary.Status);
        Assert.Equal(HttpStatusCode.OK, (await Move(supplier, "RemedyImplemented", "Paid on the 28th")).StatusCode);
        var closed = await (await Move(union, "Closed")).ReadAsync<CaseDetail>();

        Assert.Equal(CaseStatus.Closed, closed.Summary.Status);
        var reporterPage = await new Reporter(app).FollowUpAsync(code);
        Assert.Contains("Back pay for all hours by the 30th", reporterPage, StringComparison.Ordinal);
        Assert.Contains("Paid on the 28th", reporterPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Payroll shows", reporterPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Northwind will fund", reporterPage, StringComparison.Ordinal);
        var meridianView = (await meridian.Client.GetFromJsonAsync<CaseDetail>($"{meridian.Cases}/{grievance.Id}", Http.Json))!;
        Assert.DoesNotContain(meridianView.Messages, m => m.Text.Contains("Northwind will fund", StringComparison.Ordinal));
        Assert.Contains(meridianView.Messages, m => m.Text.Contains("Payroll shows", StringComparison.Ordinal));
        await (await Move(supplier, "UnderInvestigation")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_mechanism_rejects_a_case_and_always_with_a_reason_the_reporter_reads()
    {
        var (grievance, code) = await ReportAsync("Complaint about the canteen menu");
        var northwind = await PartyAsync("Northwind Apparel");
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");

        var byBrand = await northwind.Client.PostAsJsonAsync($"{northwind.Cases}/{grievance.Id}/transitions", new { to = "Rejected", reason = "Not a labour matter" });
        var noReason = await supplier.Client.PostAsJsonAsync($"{supplier.Cases}/{grievance.Id}/transitions", new { to = "Rejected" });
        var rejected = await supplier.Client.PostAsJsonAsync($"{supplier.Cases}/{grievance.Id}/transitions", new { to = "Rejected", reason = "Menus are set with the workers' committee" });

        Assert.NotEmpty((await byBrand.ProblemAsync(HttpStatusCode.Forbidden)).FieldErrors("to"));
        Assert.NotEmpty((await noReason.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason"));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains("Menus are set with the workers", await new Reporter(app).FollowUpAsync(code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_escalates_to_the_mediator_who_then_takes_part()
    {
        var (grievance, _) = await ReportAsync("Harassment by a line chief");
        var union = await PartyAsync("Bangladesh Garment Workers Federation (demo)");
        var mediator = await PartyAsync("Fair Threads Initiative");
        Assert.Equal(HttpStatusCode.NotFound, (await mediator.Client.GetAsync($"{mediator.Cases}/{grievance.Id}")).StatusCode);

        var escalated = await union.Client.PostAsJsonAsync($"{union.Cases}/{grievance.Id}/transitions", new { to = "Escalated", reason = "Management does not respond" });

        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var asMediator = (await mediator.Client.GetFromJsonAsync<CaseDetail>($"{mediator.Cases}/{grievance.Id}", Http.Json))!;
        Assert.Equal(PartyRole.Mediator, asMediator.Summary.YourRole);
        Assert.Contains(CaseStatus.UnderInvestigation, asMediator.NextStates);
    }

    [Fact]
    public async Task An_unacknowledged_case_past_its_deadline_is_flagged_overdue()
    {
        var (grievance, _) = await ReportAsync("Wages paid late every month");
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgeBy, grievance.ReceivedOn.AddDays(-1)).SetProperty(c => c.FeedbackBy, grievance.ReceivedOn.AddDays(-1))));
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");

        var listed = (await supplier.Client.GetFromJsonAsync<List<CaseSummary>>(supplier.Cases, Http.Json))!.Single(c => c.Id == grievance.Id);
        var member = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Viewer);
        var dashboard = await (await app.SignedInAsync(member.Email, TestMember.Password)).GetStringAsync($"/o/{member.OrganisationId}");
        await supplier.Client.PostAsJsonAsync($"{supplier.Cases}/{grievance.Id}/transitions", new { to = "Acknowledged" });
        await supplier.Client.PostAsJsonAsync($"{supplier.Cases}/{grievance.Id}/messages", new { kind = "ToReporter", text = "We are checking the payroll." });
        var after = (await supplier.Client.GetFromJsonAsync<List<CaseSummary>>(supplier.Cases, Http.Json))!.Single(c => c.Id == grievance.Id);

        Assert.True(listed.AcknowledgementOverdue);
        Assert.Contains("id=\"cases-needing-action\"", dashboard, StringComparison.Ordinal);
        Assert.True(listed.FeedbackOverdue);
        Assert.False(after.AcknowledgementOverdue);
        Assert.False(after.FeedbackOverdue);
    }

    [Fact]
    public async Task A_named_reporter_is_known_only_to_the_parties_they_chose()
    {
        var (grievance, _) = await ReportAsync("My contract was not renewed after I joined the union", new()
        {
            ["Input.Anonymous"] = "false", ["Input.Name"] = "Rahima Begum", ["Input.Contact"] = "+880 1711 111111", ["Input.ShowToUnion"] = "true",
        });
        var union = await PartyAsync("Bangladesh Garment Workers Federation (demo)");
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");

        var asUnion = (await union.Client.GetFromJsonAsync<CaseDetail>($"{union.Cases}/{grievance.Id}", Http.Json))!;
        var supplierBody = await supplier.Client.GetStringAsync($"{supplier.Cases}/{grievance.Id}");

        Assert.Equal("Rahima Begum", asUnion.Reporter?.Name);
        Assert.DoesNotContain("Rahima", supplierBody, StringComparison.Ordinal);
        Assert.Contains("\"identityWithheld\":true", supplierBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rahima", Encoding.UTF8.GetString(grievance.ReporterIdentity!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_with_a_conflict_of_interest_steps_back_and_no_longer_sees_the_case()
    {
        var (grievance, _) = await ReportAsync("A supervisor's relative was promoted over others");
        var conflicted = await PartyAsync("Dhaka Knitwear Ltd");
        var colleague = await PartyAsync("Dhaka Knitwear Ltd");

        Assert.Equal(HttpStatusCode.NoContent, (await conflicted.Client.PostAsync($"{conflicted.Cases}/{grievance.Id}/step-back", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await conflicted.Client.GetAsync($"{conflicted.Cases}/{grievance.Id}")).StatusCode);
        Assert.DoesNotContain((await conflicted.Client.GetFromJsonAsync<List<CaseSummary>>(conflicted.Cases, Http.Json))!, c => c.Id == grievance.Id);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync($"{colleague.Cases}/{grievance.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_reporter_reports_retaliation_through_their_receipt_and_it_opens_as_an_urgent_case_linked_to_the_first()
    {
        var (first, code) = await ReportAsync("Forced overtime before the audit");

        var page = await new Reporter(app).RetaliateAsync(code, "After my report my line chief cut my shifts");
        var linked = await CaseAsync(ReferenceOn(page));
        var union = await PartyAsync("Bangladesh Garment Workers Federation (demo)");
        var listed = (await union.Client.GetFromJsonAsync<List<CaseSummary>>(union.Cases, Http.Json))!;

        Assert.Matches("^[0-9]{16}$", Reporter.CodeOn(page));
        Assert.NotEqual(code, Reporter.CodeOn(page));
        Assert.Equal((first.Id, GrievanceCategory.Retaliation, true), (linked.RelatedCaseId!.Value, linked.Category, linked.Urgent));
        Assert.True(listed.Single(c => c.Id == linked.Id).Urgent);
    }

    [Fact]
    public async Task A_closed_case_is_announced_for_deletion_to_the_parties_and_deleted_with_its_record_a_month_later()
    {
        var (grievance, code) = await ReportAsync("Case to be forgotten");
        var longAgo = grievance.ReceivedOn.AddDays(-800);
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.ClosedOn, longAgo)));
        async Task RetentionAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CaseRetention>().RunOnceAsync(CancellationToken.None);
        }

        await RetentionAsync();
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");
        var announced = (await supplier.Client.GetFromJsonAsync<CaseDetail>($"{supplier.Cases}/{grievance.Id}", Http.Json))!;
        await RetentionAsync(); // announced today: not yet deleted
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.GetAsync($"{supplier.Cases}/{grievance.Id}")).StatusCode);
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DeletionAnnouncedOn, grievance.ReceivedOn.AddDays(-CaseRetention.NoticeDays))));
        await RetentionAsync();

        Assert.Contains(announced.Messages, m => m.Kind == MessageKind.InternalNote && m.Text.Contains("will be deleted on", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.Client.GetAsync($"{supplier.Cases}/{grievance.Id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CaseMessage>().CountAsync(m => m.CaseId == grievance.Id)));
        Assert.Contains("No case has this code", await new Reporter(app).FollowUpAsync(code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_is_stored_encrypted_without_its_location_data_and_a_disguised_file_is_refused()
    {
        // A JPEG whose EXIF block names where it was taken.
        byte[] exif = [0xFF, 0xE1, 0x00, 0x0E, .. "Exif\0\0GPS-SECRET"u8.ToArray()[..12]];
        byte[] jpeg = [0xFF, 0xD8, .. exif, 0xFF, 0xDB, 0x00, 0x04, 0x01, 0x02, 0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9];
        var reporter = new Reporter(app);
        var fields = new Dictionary<string, string> { ["Input.Category"] = "HealthAndSafety", ["Input.Text"] = $"Blocked exit, photo attached {Guid.NewGuid():N}", ["Input.Anonymous"] = "true" };

        var refused = await (await reporter.SendWithFilesAsync(Channel, await reporter.OpenFormAsync(Channel), fields, ("exit.jpg", "MZ\u0090\0 not a photo"u8.ToArray()))).Content.ReadAsStringAsync();
        var sent = await (await reporter.SendWithFilesAsync(Channel, await reporter.OpenFormAsync(Channel), fields, ("exit.jpg", jpeg))).Content.ReadAsStringAsync();
        var grievance = await CaseAsync(ReferenceOn(sent));
        var stored = await app.WithDbAsync(db => db.Set<CaseAttachment>().AsNoTracking().SingleAsync(a => a.CaseId == grievance.Id));
        var supplier = await PartyAsync("Dhaka Knitwear Ltd");
        var detail = (await supplier.Client.GetFromJsonAsync<CaseDetail>($"{supplier.Cases}/{grievance.Id}", Http.Json))!;
        var downloaded = await supplier.Client.GetByteArrayAsync($"{supplier.Cases}/{grievance.Id}/attachments/{detail.Attachments.Single().Id}");

        Assert.Contains("id=\"report-error\"", refused, StringComparison.Ordinal);
        Assert.Empty(Reporter.CodeOn(refused));
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.DoesNotContain("exit.jpg", Encoding.UTF8.GetString(stored.Name), StringComparison.Ordinal);
        Assert.Equal("attachment-1.jpg", detail.Attachments.Single().FileName);
        Assert.Equal([0xFF, 0xD8], downloaded[..2]);
        Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(downloaded), StringComparison.Ordinal);
        Assert.Equal(jpeg.Length - exif.Length, downloaded.Length);
    }

    [Fact]
    public async Task Attachments_sent_with_a_report_download_without_their_metadata_and_under_neutral_names()
    {
        var reporter = new Reporter(app);
        var fields = new Dictionary<string, string> { ["Input.Category"] = "WagesAndPayment", ["Input.Text"] = $"Payslip and photo attached {Guid.NewGuid():N}", ["Input.Anonymous"] = "true" };

        var sent = await (await reporter.SendWithFilesAsync(Channel, await reporter.OpenFormAsync(Channel), fields,
            ("payslip-maria-khatun.pdf", SampleFiles.Pdf()), ("IMG_20260311_080700.png", SampleFiles.Png()))).Content.ReadAsStringAsync();
        var grievance = await CaseAsync(ReferenceOn(sent));
        var union = await PartyAsync("Bangladesh Garment Workers Federation (demo)");
        var detail = (await union.Client.GetFromJsonAsync<CaseDetail>($"{union.Cases}/{grievance.Id}", Http.Json))!;
        var downloads = new List<(string? Name, byte[] Bytes)>();
        foreach (var attachment in detail.Attachments)
        {
            using var response = await union.Client.GetAsync($"{union.Cases}/{grievance.Id}/attachments/{attachment.Id}");
            downloads.Add((response.Content.Headers.ContentDisposition?.FileName, await response.Content.ReadAsByteArrayAsync()));
        }

        Assert.Equal(["attachment-1.pdf", "attachment-2.png"], detail.Attachments.Select(a => a.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(detail.Attachments.Select(a => a.FileName), downloads.Select(d => d.Name));
        Assert.All(downloads, d => Assert.All(SampleFiles.Secrets, secret => Assert.DoesNotContain(secret, Encoding.Latin1.GetString(d.Bytes), StringComparison.Ordinal)));
        SampleFiles.AssertPdfOffsetsHold(downloads.Single(d => d.Name!.EndsWith(".pdf", StringComparison.Ordinal)).Bytes);
        Assert.Equal(["IHDR", "sRGB", "IDAT", "IEND"], SampleFiles.PngChunks(downloads.Single(d => d.Name!.EndsWith(".png", StringComparison.Ordinal)).Bytes));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("file")]
    [InlineData("no-antiforgery")]
    public async Task Oversized_or_replayed_reports_are_refused_and_file_nothing(string attack)
    {
        var reporter = new Reporter(app);
        var form = await reporter.OpenFormAsync(Channel);
        var marker = $"Attack {Guid.NewGuid():N}";
        var fields = new Dictionary<string, string> { ["Input.Category"] = "Other", ["Input.Text"] = marker, ["Input.Anonymous"] = "true" };

        var response = attack switch
        {
            "text" => await reporter.SendAsync(Channel, form, new(fields) { ["Input.Text"] = marker + new string('x', IntakeService.TextMaxLength) }),
            "file" => await reporter.SendWithFilesAsync(Channel, form, fields, ("big.jpg", [0xFF, 0xD8, 0xFF, .. new byte[Attachments.MaxBytes]])),
            _ => await reporter.Client.PostAsync($"/r/{Channel}", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["_handler"] = "report", ["Input.SubmissionId"] = form.SubmissionId })),
        };
        var page = await response.Content.ReadAsStringAsync();

        if (attack == "no-antiforgery")
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        else
        {
            Assert.Contains("id=\"report-error\"", page, StringComparison.Ordinal);
            Assert.Empty(Reporter.CodeOn(page));
        }

        // Other tests file cases at the same time: look for this form's case only.
        var submission = IntakeService.SubmissionHash(Guid.Parse(form.SubmissionId), form.Nonce, $"channel:{Channel}:form");
        Assert.False(await app.WithDbAsync(db => db.Set<GrievanceCase>().AnyAsync(c => c.SubmissionHash == submission)));
    }

    [Fact]
    public async Task A_huge_upload_to_the_intake_page_is_turned_away_before_it_is_read_and_the_form_says_why()
    {
        var reporter = new Reporter(app);
        using var huge = new StreamContent(new MemoryStream(new byte[1024]));
        huge.Headers.ContentLength = 100L * 1024 * 1024;
        huge.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };

        var response = await reporter.Client.PostAsync($"/r/{Channel}", huge);
        var page = await reporter.Client.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("id=\"report-error\"", page, StringComparison.Ordinal);
        Assert.Contains("5 MB", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_files_only_into_its_own_organisations_channels()
    {
        var stranger = await PartyAsync("Mekong Garments Co.");

        var response = await stranger.Client.PostAsJsonAsync($"/api/organisations/{stranger.OrganisationId}/grievance-intake/{Channel}",
            new { submissionId = Guid.NewGuid(), category = "Other", text = "Filed into someone else's mechanism" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Script_in_a_report_is_shown_as_text()
    {
        var (page, code) = await new Reporter(app).ReportAsync(Channel, "<script>alert('x')</script><b>bold</b>");

        var opened = await new Reporter(app).FollowUpAsync(code);

        Assert.DoesNotContain("<script>alert", opened, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", opened, StringComparison.Ordinal);
        Assert.NotEmpty(page);
    }

    [Fact]
    public async Task A_wrong_code_opens_nothing_and_the_reporter_adds_information_with_the_right_one()
    {
        var (_, code) = await ReportAsync("Drinking water is not clean");
        var reporter = new Reporter(app);

        var wrong = await reporter.FollowUpAsync("1234 5678 9012 3456");
        var reply = await reporter.ReplyAsync(code, "It happens on floor 2, since last week");
        var opened = await reporter.FollowUpAsync(code);

        Assert.Contains("No case has this code", wrong, StringComparison.Ordinal);
        Assert.True(reply.StatusCode == HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        Assert.Contains("It happens on floor 2", opened, StringComparison.Ordinal);
    }
}

public sealed class GrievanceSpecsOnSqlite(SqliteApp app) : GrievanceSpecs(app);

public sealed class GrievanceSpecsOnPostgres(PostgresApp app) : GrievanceSpecs(app);
