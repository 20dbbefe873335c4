using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Accountability;

/// <summary>The 360° loop holds against the brand that wants to know who said what, and when.</summary>
public abstract partial class SupplierFeedbackSpecs(TestApp app)
{
    [Fact]
    public async Task A_brand_with_four_responders_sees_no_results_in_the_page_data_the_api_or_the_exports()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 4);
        var round = await world.OpenRoundAsync();
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers, "strongly_disagree", new() { ["payment_comment"] = "Payments always arrive thirty days late." });
        await world.ReleaseAsync(round.Id);

        var card = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.False(card.Feedback.Shown);
        Assert.Null(card.Feedback.Responses);
        Assert.Null(card.Feedback.Overall);
        Assert.All(card.Feedback.Categories, c => Assert.Null(c.Score));
        Assert.Empty(card.Feedback.Comments);
        Assert.Null(card.Summary.Feedback);
        var pdf = await world.Brand.Client.GetByteArrayAsync($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard/pdf");
        var text = string.Join(" ", UglyToad.PdfPig.PdfDocument.Open(pdf).GetPages().Select(p => p.Text));
        Assert.Contains("Fewer than 5 suppliers", text);
        Assert.DoesNotContain("thirty days", text);
    }

    [Fact]
    public async Task Results_appear_at_the_release_after_the_fifth_answer_and_later_answers_join_only_in_batches_of_five()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 10);
        var round = await world.OpenRoundAsync();
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Take(5), "agree");
        var beforeRelease = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.False(beforeRelease.Feedback.Shown);

        var release = await world.ReleaseAsync(round.Id);
        Assert.Equal(1, release.BrandsShown);
        var released = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.True(released.Feedback.Shown);
        Assert.Equal(5, released.Feedback.Responses);
        Assert.Equal(75, released.Feedback.Overall);
        Assert.Equal("green", released.Feedback.Rating);
        Assert.All(released.Feedback.Categories, c => Assert.Equal(75, c.Score));

        // A sixth supplier answers very differently, with a comment: nothing the brand reads moves, not in
        // real time and not at the next release either, or the difference would be that one answer.
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Skip(5).Take(1), "strongly_disagree", new() { ["sourcing_comment"] = "Orders were cancelled after cutting." });
        var afterLateAnswer = await world.Brand.Client.GetStringAsync($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard");
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(released, Http.Json), System.Text.Json.JsonSerializer.Serialize(
            System.Text.Json.JsonSerializer.Deserialize<ScorecardDto>(afterLateAnswer, Http.Json), Http.Json));
        Assert.Null((await world.Brand.Client.GetFromJsonAsync<RoundDto>($"{world.Brand.Api}/rounds/{round.Id}", Http.Json))!.Participants.Single().Answered);
        await world.ReleaseAsync(round.Id);
        var afterOneMore = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.Equal((5, 75d), (afterOneMore.Feedback.Responses, afterOneMore.Feedback.Overall));
        Assert.Empty(afterOneMore.Feedback.Comments);

        // Four more make a batch of five new answers: the next release counts them all.
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Skip(6), "strongly_disagree");
        await world.ReleaseAsync(round.Id);
        var batch = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.Equal(10, batch.Feedback.Responses);
        Assert.Equal(Math.Round(75 * 5 / 10.0), batch.Feedback.Overall);
        Assert.Equal("Orders were cancelled after cutting.", Assert.Single(batch.Feedback.Comments).Text);
    }

    [Fact]
    public async Task Nothing_the_brand_receives_carries_a_response_id_a_facility_or_a_time_finer_than_the_round()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 5);
        var round = await world.OpenRoundAsync();
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers, "neutral", new() { ["partnership_comment"] = "Long-term commitment would let us invest in training." });
        await world.ReleaseAsync(round.Id);
        var ids = await app.WithDbAsync(async db =>
            (await db.Set<FeedbackResponse>().Where(r => r.RoundId == round.Id).Select(r => r.Id).ToListAsync())
            .Concat(await db.Set<FeedbackComment>().Where(c => c.RoundId == round.Id).Select(c => c.Id).ToListAsync())
            .Concat(await db.Set<FeedbackInvitation>().Where(i => i.RoundId == round.Id).Select(i => i.Id).ToListAsync()).ToList());
        var brandPaths = new[]
        {
            $"/rounds/{round.Id}", $"/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}", $"/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard", "/rounds",
            $"/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard/xlsx", $"/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard/pdf", "/payment-terms",
        };
        foreach (var path in brandPaths)
        {
            var bytes = await world.Brand.Client.GetByteArrayAsync(world.Brand.Api + path);
            var text = path.EndsWith("/pdf", StringComparison.Ordinal)
                ? string.Join(" ", UglyToad.PdfPig.PdfDocument.Open(bytes).GetPages().Select(p => p.Text))
                : path.EndsWith("/xlsx", StringComparison.Ordinal) ? XlsxText(bytes) : System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(ids, id => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(world.FacilityNames, name => text.Contains(name, StringComparison.Ordinal));
            Assert.DoesNotContain(world.Suppliers, s => text.Contains(s.Organisation.Name, StringComparison.Ordinal) || text.Contains(s.Organisation.Id.ToString(), StringComparison.Ordinal));
            Assert.False(TimeOfDay().IsMatch(text), $"{path} carries a time of day: {TimeOfDay().Match(text).Value}");
        }

        // The stored answer itself has no way back to its sender.
        await app.WithDbAsync(db =>
        {
            foreach (var type in new[] { typeof(FeedbackResponse), typeof(FeedbackScore), typeof(FeedbackComment), typeof(FeedbackResult) })
            {
                var columns = db.Model.FindEntityType(type)!.GetProperties().ToList();
                Assert.DoesNotContain(columns, p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateOnly?));
                Assert.DoesNotContain(columns, p => p.Name.Contains("Facility", StringComparison.Ordinal) || p.Name.Contains("Supplier", StringComparison.Ordinal)
                    || p.Name.Contains("Invitation", StringComparison.Ordinal) || p.Name.Contains("User", StringComparison.Ordinal));
            }

            return Task.FromResult(0);
        });
    }

    [Fact]
    public async Task A_facility_answers_once_and_only_while_feedback_is_open()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var round = await world.OpenRoundAsync();
        var supplier = world.Suppliers[0];
        var invitation = (await supplier.Client.GetFromJsonAsync<List<FeedbackInvitationDto>>($"{supplier.Api}/feedback-invitations", Http.Json))!.Single(i => i.RoundId == round.Id);
        var form = (await supplier.Client.GetFromJsonAsync<FeedbackFormDto>($"{supplier.Api}/feedback-invitations/{invitation.Id}/form?language=es", Http.Json))!;
        Assert.Contains(form.Questions, q => q.Category == "costing" && q.Label.Contains("costes laborales", StringComparison.Ordinal));
        Assert.Equal(["planning", "design", "costing", "sourcing", "payment", "management", "partnership"], FeedbackForm.Categories.Select(c => c.Name));
        // A facility in Bangladesh is asked in Bengali unless it asks otherwise.
        var bengali = (await supplier.Client.GetFromJsonAsync<FeedbackFormDto>($"{supplier.Api}/feedback-invitations/{invitation.Id}/form", Http.Json))!;
        Assert.Equal("আমরা জানি কার সাথে যোগাযোগ করতে হবে এবং সময়মতো উত্তর পাই।", bengali.Questions.Single(q => q.Name == "one_contact").Label);
        Assert.Equal(8, bengali.Languages.Count);

        var empty = await supplier.Client.PostAsJsonAsync($"{supplier.Api}/feedback-invitations/{invitation.Id}/response", new { answers = new Dictionary<string, string> { ["overall_comment"] = "x" } });
        Assert.Contains("Rate at least one", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("answers")[0], StringComparison.Ordinal);
        var wrong = await supplier.Client.PostAsJsonAsync($"{supplier.Api}/feedback-invitations/{invitation.Id}/response", new { answers = new Dictionary<string, string> { ["forecast"] = "maybe" } });
        Assert.NotEmpty((await wrong.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("forecast"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedbackResponse>().CountAsync(r => r.RoundId == round.Id)));

        await world.AnswerAsync(round.Id, world.Brand, [supplier]);
        var again = await supplier.Client.PostAsJsonAsync($"{supplier.Api}/feedback-invitations/{invitation.Id}/response", new { answers = AccountabilityWorld.Ratings("agree") });
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<FeedbackResponse>().CountAsync(r => r.RoundId == round.Id)));

        // Another organisation cannot use the supplier's invitation, nor does the brand see it.
        var brandAttempt = await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/feedback-invitations/{invitation.Id}/response", new { answers = AccountabilityWorld.Ratings("agree") });
        await brandAttempt.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Free_text_that_may_identify_its_writer_waits_for_the_initiative_to_redact_it()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 5);
        var round = await world.OpenRoundAsync();
        var ownName = world.FacilityNames[0].Split(' ')[0] + " " + world.FacilityNames[0].Split(' ')[1];
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Take(1), "agree", new() { ["costing_comment"] = $"Call me on +880 1711 555 123, our {ownName} line loses money." });
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Skip(1), "agree", new() { ["costing_comment"] = "Prices fell while wages rose." });
        var flagged = (await world.Initiative.Client.GetFromJsonAsync<List<FlaggedCommentDto>>($"{world.Initiative.Api}/rounds/{round.Id}/flagged-comments", Http.Json))!;
        var one = Assert.Single(flagged);
        Assert.Contains("phone", one.Flags, StringComparison.Ordinal);
        Assert.Contains("Savar", one.Flags, StringComparison.Ordinal);
        await (await world.Brand.Client.GetAsync($"{world.Brand.Api}/rounds/{round.Id}/flagged-comments")).ProblemAsync(HttpStatusCode.Forbidden);

        var release = await world.ReleaseAsync(round.Id);
        Assert.Equal(1, release.CommentsAwaitingRedaction);
        var card = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.Equal(4, card.Feedback.Comments.Count);
        Assert.DoesNotContain(card.Feedback.Comments, c => c.Text.Contains("1711", StringComparison.Ordinal));

        var redacted = await world.Initiative.Client.PutAsJsonAsync($"{world.Initiative.Api}/rounds/{round.Id}/comments/{one.Id}", new { text = "[contact removed] our line loses money." });
        Assert.Equal(HttpStatusCode.NoContent, redacted.StatusCode);
        Assert.Equal(4, (await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Comments.Count);
        await world.ReleaseAsync(round.Id);
        var shown = (await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Comments;
        Assert.Equal(5, shown.Count);
        Assert.Contains(shown, c => c.Text == "[contact removed] our line loses money." && c.Category == "Costing and price negotiation");
    }

    [Fact]
    public async Task Results_compare_with_the_brands_self_assessment_and_an_all_brand_average_of_three_or_more_brands()
    {
        var world = await AccountabilityWorld.CreateAsync(app, brands: 3, suppliers: 5);
        var round = await world.OpenRoundAsync();
        await world.AnswerAsync(round.Id, world.Brands[0], world.Suppliers, "strongly_agree");
        await world.AnswerAsync(round.Id, world.Brands[1], world.Suppliers, "neutral");
        var self = await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/self-assessment", new { answers = AccountabilityWorld.Ratings("agree") });
        Assert.Equal(HttpStatusCode.NoContent, self.StatusCode);
        await world.ReleaseAsync(round.Id);
        var twoBrands = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.Equal(100, twoBrands.Feedback.Overall);
        Assert.Equal(75, twoBrands.Feedback.SelfAssessment);
        Assert.Null(twoBrands.Feedback.AllBrands);

        await world.AnswerAsync(round.Id, world.Brands[2], world.Suppliers, "disagree");
        await world.ReleaseAsync(round.Id);
        var card = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);
        Assert.Equal(Math.Round((100 + 50 + 25) / 3.0), card.Feedback.AllBrands);
        Assert.All(card.Feedback.Categories, c => Assert.Equal(75, c.SelfAssessment));
        var third = await world.ScorecardAsync(world.Brands[2], round.Id, world.Brands[2]);
        Assert.Equal("red", third.Feedback.Rating);
        await (await world.Brands[2].Client.GetAsync($"{world.Brands[2].Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_threshold_is_never_below_three_and_raising_it_hides_results_that_no_longer_reach_it()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 5);
        var low = await world.Initiative.Client.PostAsJsonAsync($"{world.Initiative.Api}/rounds", new
        {
            name = "Too small", frameworkId = FrameworkService.StarterId, periodStart = "2026-01-01", periodEnd = "2026-06-30", reportsDueOn = "2026-07-31",
            feedbackClosesOn = AccountabilityWorld.Today.AddDays(10), minimumResponses = 2, participants = new[] { new { brandOrganisationId = world.Brand.Organisation.Id } },
        });
        Assert.NotEmpty((await low.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("minimumResponses"));

        var round = await world.OpenRoundAsync();
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers);
        await world.ReleaseAsync(round.Id);
        Assert.True((await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Shown);
        var lower = await world.Initiative.Client.PutAsJsonAsync($"{world.Initiative.Api}/rounds/{round.Id}/threshold", new { minimumResponses = 4 });
        await lower.ProblemAsync(HttpStatusCode.BadRequest);
        var raised = await (await world.Initiative.Client.PutAsJsonAsync($"{world.Initiative.Api}/rounds/{round.Id}/threshold", new { minimumResponses = 6 })).ReadAsync<RoundDto>();
        Assert.Equal(6, raised.MinimumResponses);
        Assert.False((await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Shown);
        await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/threshold", new { minimumResponses = 3 })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task After_the_threshold_is_raised_a_figure_the_brand_saw_moves_only_by_a_batch_of_the_new_threshold()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 9);
        var round = await world.OpenRoundAsync(minimumResponses: 3);
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Take(4), "agree");
        await world.ReleaseAsync(round.Id);
        Assert.Equal(4, (await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Responses);
        (await world.Initiative.Client.PutAsJsonAsync($"{world.Initiative.Api}/rounds/{round.Id}/threshold", new { minimumResponses = 5 })).EnsureSuccessStatusCode();

        // A fifth answer reaches the new threshold, but a figure of five beside the four already seen
        // would be that one supplier's answer: nothing is shown.
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Skip(4).Take(1), "strongly_disagree");
        var release = await world.ReleaseAsync(round.Id);
        var afterOne = await world.ScorecardAsync(world.Brand, round.Id, world.Brand);

        Assert.Equal(0, release.BrandsShown);
        Assert.False(afterOne.Feedback.Shown);
        Assert.Null(afterOne.Feedback.Responses);

        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers.Skip(5), "strongly_disagree");
        await world.ReleaseAsync(round.Id);
        Assert.Equal(9, (await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Responses);
    }

    [Fact]
    public async Task The_scheduled_cycle_releases_a_round_with_answers_once_per_cycle()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 5);
        var round = await world.OpenRoundAsync();
        await world.AnswerAsync(round.Id, world.Brand, world.Suppliers);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<FeedbackRelease>().ReleaseDueAsync(world.Initiative.Organisation.Id, CancellationToken.None) == 1);
        }

        Assert.True((await world.ScorecardAsync(world.Brand, round.Id, world.Brand)).Feedback.Shown);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<FeedbackRelease>().ReleaseDueAsync(world.Initiative.Organisation.Id, CancellationToken.None));
        }

        Assert.Equal(1, (await world.Initiative.Client.GetFromJsonAsync<RoundDto>($"{world.Initiative.Api}/rounds/{round.Id}", Http.Json))!.ReleasedCycle);
    }

    private static string XlsxText(byte[] bytes)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return string.Join(" ", document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
    }

    [GeneratedRegex(@"\d{2}:\d{2}")]
    private static partial Regex TimeOfDay();
}

public sealed class SupplierFeedbackSpecsOnSqlite(SqliteApp app) : SupplierFeedbackSpecs(app);

public sealed class SupplierFeedbackSpecsOnPostgres(PostgresApp app) : SupplierFeedbackSpecs(app);
