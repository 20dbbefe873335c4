using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Accountability;

/// <summary>Agreements followed by their signatories; a shared framework; brands report, reviewers accept or query, lateness shows.</summary>
public abstract class MonitoringRoundSpecs(TestApp app)
{
    [Fact]
    public async Task A_joint_statement_binds_a_brand_to_a_union_and_both_follow_its_commitments()
    {
        var world = await AccountabilityWorld.CreateAsync(app, brands: 2);
        var agreement = await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/agreements", new
        {
            kind = "JointStatement", title = "Joint statement on freedom of association", startsOn = "2026-01-01", reviewOn = "2027-01-01", creatorAccountable = true,
            parties = new[] { new { organisationId = world.Union.Organisation.Id, accountable = false } },
            commitments = new[] { "Respect freedom of association and collective bargaining at every supplier", "Keep payment terms to suppliers stable" },
        })).ReadAsync<AgreementDto>();
        Assert.Equal(2, agreement.Commitments.Count);
        Assert.Contains(agreement.Parties, p => p.OrganisationId == world.Brand.Organisation.Id && p.Accountable);

        var commented = await (await world.Union.Client.PostAsJsonAsync($"{world.Union.Api}/agreements/{agreement.Id}/commitments/{agreement.Commitments[1].Id}/comments",
            new { text = "Two suppliers report terms lengthened from 60 to 90 days.", status = "InProgress" })).ReadAsync<AgreementDto>();
        Assert.Equal(CommitmentStatus.InProgress, commented.Commitments[1].Status);
        var seenByBrand = (await world.Brand.Client.GetFromJsonAsync<List<AgreementDto>>($"{world.Brand.Api}/agreements", Http.Json))!.Single(a => a.Id == agreement.Id);
        Assert.Equal(world.Union.Organisation.Name, Assert.Single(seenByBrand.Commitments[1].Comments).Organisation);
        var document = await world.Brand.Client.PostAsync($"{world.Brand.Api}/agreements/{agreement.Id}/document",
            new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 statement"u8.ToArray()), "file", "statement.pdf" } });
        Assert.Equal(HttpStatusCode.NoContent, document.StatusCode);
        Assert.Equal("%PDF-1.4 statement", await world.Union.Client.GetStringAsync($"{world.Union.Api}/agreements/{agreement.Id}/document"));

        await (await world.Brands[1].Client.GetAsync($"{world.Brands[1].Api}/agreements/{agreement.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var noCommitments = await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/agreements", new
        {
            kind = "FrameworkAgreement", title = "Empty", startsOn = "2026-01-01", creatorAccountable = true, parties = new[] { new { organisationId = world.Union.Organisation.Id, accountable = false } },
        });
        Assert.NotEmpty((await noCommitments.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("commitments"));
        var nobodyAccountable = await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/agreements", new
        {
            kind = "FrameworkAgreement", title = "Equal", startsOn = "2026-01-01", creatorAccountable = false, commitments = new[] { "x" },
            parties = new[] { new { organisationId = world.Union.Organisation.Id, accountable = false } },
        });
        Assert.NotEmpty((await nobodyAccountable.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("parties"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Agreement>().CountAsync(a => a.CreatedByOrganisationId == world.Brand.Organisation.Id)));
    }

    [Fact]
    public async Task An_initiative_adapts_the_starter_framework_and_brands_cannot_keep_frameworks()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var starter = (await world.Initiative.Client.GetFromJsonAsync<List<FrameworkDto>>($"{world.Initiative.Api}/indicator-frameworks", Http.Json))!.Single(f => f.Starter);
        Assert.Equal(["Pricing that ring-fences labour costs", "Payment terms", "Planning and forecasting", "Responsible exit", "Training of buyers"],
            starter.Indicators.Select(i => i.Commitment).Distinct());
        var own = await (await world.Initiative.Client.PostAsJsonAsync($"{world.Initiative.Api}/indicator-frameworks", new { name = "Our 2027 framework", copyStarter = true })).ReadAsync<FrameworkDto>();
        Assert.Equal(starter.Indicators.Count, own.Indicators.Count);
        var added = await (await world.Initiative.Client.PostAsJsonAsync($"{world.Initiative.Api}/indicator-frameworks/{own.Id}/indicators", new
        {
            commitment = "Social dialogue", code = "SD1", name = "Share of strategic suppliers with a collective agreement", kind = "Percentage", unit = "%", direction = "Higher", target = 50,
        })).ReadAsync<FrameworkDto>();
        Assert.Equal("SD1", added.Indicators[^1].Code);

        var bad = await world.Initiative.Client.PostAsJsonAsync($"{world.Initiative.Api}/indicator-frameworks/{own.Id}/indicators", new { commitment = "X", code = "X1", name = "Y", kind = "Percentage", target = 150 });
        Assert.NotEmpty((await bad.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("target"));
        var duplicate = await world.Initiative.Client.PostAsJsonAsync($"{world.Initiative.Api}/indicator-frameworks/{own.Id}/indicators", new { commitment = "X", code = "SD1", name = "Y", kind = "Number" });
        await duplicate.ProblemAsync(HttpStatusCode.Conflict);
        await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/indicator-frameworks", new { name = "Mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Brand.Client.GetAsync($"{world.Brand.Api}/indicator-frameworks/{own.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_brand_reports_with_evidence_and_its_union_queries_then_accepts_in_a_threaded_review()
    {
        var world = await AccountabilityWorld.CreateAsync(app, brands: 2);
        var round = await world.OpenRoundAsync();
        var sheet = await world.Brand.Client.GetFromJsonAsync<BrandSheetDto>($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}", Http.Json);
        var onTime = sheet!.Lines.Single(l => l.Indicator.Code == "PT2").Indicator;
        Assert.True(onTime.EvidenceRequired);
        var outOfRange = await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{onTime.Id}", new { value = 120 });
        Assert.Contains("0 to 100", (await outOfRange.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("value")[0], StringComparison.Ordinal);

        var reported = await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{onTime.Id}", new { value = 96, text = "Paid 96 % of 1,240 invoices on time." }))
            .ReadAsync<BrandSheetDto>();
        var line = reported.Lines.Single(l => l.Indicator.Id == onTime.Id);
        Assert.Equal(ReportStatus.Submitted, line.Status);
        Assert.True(line.MeetsTarget);
        Assert.False(line.Late);

        var union = world.Union;
        var acceptWithoutEvidence = await union.Client.PostAsJsonAsync($"{union.Api}/rounds/{round.Id}/reports/{line.ReportId}/review", new { verdict = "Accepted" });
        Assert.Contains("needs evidence", (await acceptWithoutEvidence.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("verdict")[0], StringComparison.Ordinal);
        var queryWithoutWords = await union.Client.PostAsJsonAsync($"{union.Api}/rounds/{round.Id}/reports/{line.ReportId}/review", new { verdict = "Queried" });
        Assert.NotEmpty((await queryWithoutWords.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("message"));
        var queried = await (await union.Client.PostAsJsonAsync($"{union.Api}/rounds/{round.Id}/reports/{line.ReportId}/review",
            new { verdict = "Queried", message = "Suppliers in Savar say otherwise: please attach the payment ledger." })).ReadAsync<BrandSheetDto>();
        Assert.Equal(ReportStatus.Queried, queried.Lines.Single(l => l.Indicator.Id == onTime.Id).Status);
        await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/reports/{line.ReportId}/messages", new { text = "Ledger attached." })).ReadAsync<BrandSheetDto>();
        var withEvidence = await (await world.Brand.Client.PostAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{onTime.Id}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("invoice,paid\n1,yes\n")), "file", "ledger.csv" } })).ReadAsync<BrandSheetDto>();
        Assert.Equal(ReportStatus.Submitted, withEvidence.Lines.Single(l => l.Indicator.Id == onTime.Id).Status);
        Assert.Equal("invoice,paid\n1,yes\n", await union.Client.GetStringAsync($"{union.Api}/rounds/{round.Id}/reports/{line.ReportId}/evidence"));

        var accepted = await (await union.Client.PostAsJsonAsync($"{union.Api}/rounds/{round.Id}/reports/{line.ReportId}/review", new { verdict = "Accepted" })).ReadAsync<BrandSheetDto>();
        var final = accepted.Lines.Single(l => l.Indicator.Id == onTime.Id);
        Assert.Equal(ReportStatus.Accepted, final.Status);
        Assert.Equal(["Suppliers in Savar say otherwise: please attach the payment ledger.", "Ledger attached."], final.Messages.Select(m => m.Text));
        await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{onTime.Id}", new { value = 50 })).ProblemAsync(HttpStatusCode.Conflict);

        // The brand cannot review itself, and one brand never reads another's sheet.
        await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/reports/{line.ReportId}/review", new { verdict = "Accepted" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Brands[1].Client.GetAsync($"{world.Brands[1].Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await world.Brands[1].Client.GetAsync($"{world.Brands[1].Api}/rounds/{round.Id}/reports/{line.ReportId}/evidence")).ProblemAsync(HttpStatusCode.NotFound);
        var stranger = await AccountabilityWorld.CreateAsync(app);
        await (await stranger.Union.Client.GetAsync($"{stranger.Union.Api}/rounds/{round.Id}")).ProblemAsync(HttpStatusCode.NotFound);

        var overview = (await world.Initiative.Client.GetFromJsonAsync<RoundDto>($"{world.Initiative.Api}/rounds/{round.Id}", Http.Json))!;
        var brandLine = overview.Participants.Single(p => p.BrandOrganisationId == world.Brand.Organisation.Id);
        Assert.Equal((1, 1, 0), (brandLine.Reported, brandLine.Accepted, brandLine.Late));
        Assert.Equal(1, brandLine.Invited);
    }

    [Fact]
    public async Task Reports_missing_after_the_due_day_and_reports_sent_after_it_are_flagged_late()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var round = await world.OpenRoundAsync(periodStart: new DateOnly(2025, 1, 1), reportsDueOn: new DateOnly(2025, 7, 31), name: "2025 first half");
        var sheet = (await world.Brand.Client.GetFromJsonAsync<BrandSheetDto>($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}", Http.Json))!;
        Assert.All(sheet.Lines, l => Assert.True(l.Late));
        var training = sheet.Lines.Single(l => l.Indicator.Code == "TR2").Indicator;
        var reported = await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{training.Id}", new { value = 6 })).ReadAsync<BrandSheetDto>();
        Assert.True(reported.Lines.Single(l => l.Indicator.Id == training.Id).Late);
        var card = await world.ScorecardAsync(world.Union, round.Id, world.Brand);
        Assert.Equal(sheet.Lines.Count, card.Summary.Late);
        Assert.Equal(1, card.Summary.TargetsMet);
        Assert.Equal(1, card.Commitments.Single(c => c.Commitment == "Training of buyers").Reported);
    }

    [Fact]
    public async Task Opening_a_round_checks_every_field_and_invites_the_brands_suppliers()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 2);
        var bad = await world.Initiative.Client.PostAsJsonAsync($"{world.Initiative.Api}/rounds", new
        {
            name = "", frameworkId = Guid.NewGuid(), periodStart = "2026-06-30", periodEnd = "2026-01-01", feedbackClosesOn = "2020-01-01",
            participants = new[] { new { brandOrganisationId = world.Union.Organisation.Id } },
        });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.All(new[] { "name", "frameworkId", "periodEnd", "feedbackClosesOn", "participants" }, f => Assert.NotEmpty(problem.FieldErrors(f)));
        await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/rounds", new { name = "x" })).ProblemAsync(HttpStatusCode.Forbidden);

        var round = await world.OpenRoundAsync();
        Assert.Equal(2, round.Participants.Single().Invited);
        var again = await (await world.Initiative.Client.PostAsync($"{world.Initiative.Api}/rounds/{round.Id}/feedback-invitations", null)).ReadAsync<InvitationCount>();
        Assert.Equal(0, again.Invited);
        var suppliers = world.Suppliers.Select(s => s.Organisation.Id).ToList();
        var told = await app.WithDbAsync(db => db.Set<CommonThread.Web.Notifications.Notification>().CountAsync(n => suppliers.Contains(n.OrganisationId) && n.Link.EndsWith("/accountability")));
        Assert.Equal(2, told);
    }

    [Fact]
    public async Task Empty_progress_notes_messages_redactions_answers_and_files_are_refused_with_the_field_named_and_nothing_stored()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var agreement = await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/agreements", new
        {
            kind = "JointStatement", title = "Statement", startsOn = "2026-01-01", creatorAccountable = true,
            parties = new[] { new { organisationId = world.Union.Organisation.Id, accountable = false } }, commitments = new[] { "Stable terms" },
        })).ReadAsync<AgreementDto>();
        var note = await world.Union.Client.PostAsJsonAsync($"{world.Union.Api}/agreements/{agreement.Id}/commitments/{agreement.Commitments[0].Id}/comments", new { text = "  " });
        Assert.NotEmpty((await note.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text"));
        var noFile = await world.Brand.Client.PostAsync($"{world.Brand.Api}/agreements/{agreement.Id}/document",
            new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.pdf" } });
        await noFile.ProblemAsync(HttpStatusCode.BadRequest);

        var round = await world.OpenRoundAsync();
        var sheet = (await world.Brand.Client.GetFromJsonAsync<BrandSheetDto>($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}", Http.Json))!;
        var textIndicator = sheet.Lines.Single(l => l.Indicator.Kind == IndicatorKind.Text).Indicator;
        var noAnswer = await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{textIndicator.Id}", new { value = 3 });
        Assert.NotEmpty((await noAnswer.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text"));
        var evidenceFirst = await world.Brand.Client.PostAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{textIndicator.Id}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } });
        Assert.NotEmpty((await evidenceFirst.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("indicator"));
        var reported = await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{textIndicator.Id}", new { text = "Exits agreed with unions." }))
            .ReadAsync<BrandSheetDto>();
        var reportId = reported.Lines.Single(l => l.Indicator.Id == textIndicator.Id).ReportId;
        var emptyMessage = await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/reports/{reportId}/messages", new { text = "" });
        Assert.NotEmpty((await emptyMessage.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text"));

        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers, extra: new() { ["overall_comment"] = "Write to buyer@brand.example" });
        var flagged = Assert.Single((await world.Initiative.Client.GetFromJsonAsync<List<FlaggedCommentDto>>($"{world.Initiative.Api}/rounds/{round.Id}/flagged-comments", Http.Json))!);
        var blank = await world.Initiative.Client.PutAsJsonAsync($"{world.Initiative.Api}/rounds/{round.Id}/comments/{flagged.Id}", new { text = " " });
        Assert.NotEmpty((await blank.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text"));

        Assert.Equal((0, 0, false), await app.WithDbAsync(async db => (
            await db.Set<CommitmentComment>().CountAsync(c => c.CommitmentId == agreement.Commitments[0].Id),
            await db.Set<ReportMessage>().CountAsync(m => m.ReportId == reportId),
            await db.Set<FeedbackComment>().Where(c => c.Id == flagged.Id).Select(c => c.Cleared).SingleAsync())));
    }

    private sealed record InvitationCount(int Invited);
}

public sealed class MonitoringRoundSpecsOnSqlite(SqliteApp app) : MonitoringRoundSpecs(app);

public sealed class MonitoringRoundSpecsOnPostgres(PostgresApp app) : MonitoringRoundSpecs(app);
