using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Assessments;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;

namespace CommonThread.Tests.DueDiligence;

/// <summary>
/// Answers to a questionnaire the brand sent propose impacts for its register where the form says an answer points
/// to a risk (the "risk" and "risk_if" columns): the starter marks dismissals for organising and a union kept off the
/// premises as freedom-of-association risks. Only the sender is offered them, and only the latest answers speak.
/// </summary>
public abstract class QuestionnaireRiskProposalSpecs(TestApp app)
{
    private static async Task<List<ImpactProposalDto>> ProposalsAsync(AssessmentWorld world) =>
        (await world.Brand.GetFromJsonAsync<List<ImpactProposalDto>>($"{world.BrandApi}/risk-proposals", Http.Json))!;

    private static async Task SubmitAsync(AssessmentWorld world, Dictionary<string, string> changes)
    {
        var assignment = await world.AssignAsync();
        var answers = AssessmentWorld.CompleteStarterAnswers();
        foreach (var (question, answer) in changes)
        {
            answers[question] = answer;
        }

        (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = answers, language = "English (en)" }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Answers_the_form_marks_as_risks_propose_an_actual_impact_at_the_facility_to_the_brand_that_asked()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var (rival, rivalOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        await app.WithDbAsync(db =>
        {
            db.Add(new SupplyLink { BuyerOrganisationId = rivalOrg.Id, FacilityId = world.FacilityId, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            return db.SaveChangesAsync();
        });

        await SubmitAsync(world, new() { ["dismissals"] = "yes", ["dismissals_detail"] = "Two organisers moved to night shift", ["union_access"] = "no" });
        var proposals = await ProposalsAsync(world);
        var rivals = (await rival.GetFromJsonAsync<List<ImpactProposalDto>>($"/api/organisations/{rivalOrg.Id}/risk-proposals", Http.Json))!;

        var proposal = Assert.Single(proposals, p => p.Source == ImpactSource.Questionnaires);
        Assert.Equal(($"answers:{world.FacilityId}:FreedomOfAssociation", world.FacilityId, HumanRightsIssue.FreedomOfAssociation, ImpactNature.Actual),
            (proposal.Key, proposal.FacilityId, proposal.Issue, proposal.Nature));
        Assert.Contains("Can union representatives meet workers on the premises during breaks?", proposal.Evidence, StringComparison.Ordinal);
        Assert.Contains("Has anyone been dismissed or moved after joining or organising a union", proposal.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("Two organisers moved", proposal.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(rivals, p => p.Source == ImpactSource.Questionnaires);
    }

    [Fact]
    public async Task Answers_that_point_to_no_risk_propose_nothing_and_a_later_answer_takes_back_what_an_earlier_one_proposed()
    {
        var world = await AssessmentWorld.CreateAsync(app);

        // "Only with permission" is not what the starter marks; a union not recognised is not asked when there is no union.
        await SubmitAsync(world, new() { ["union_access"] = "permission", ["has_union"] = "no", ["union_recognised"] = "no" });
        var clean = await ProposalsAsync(world);
        await SubmitAsync(world, new() { ["union_recognised"] = "no" });
        var flagged = await ProposalsAsync(world);
        await SubmitAsync(world, new() { ["union_recognised"] = "yes" });
        var resolved = await ProposalsAsync(world);

        Assert.DoesNotContain(clean, p => p.Source == ImpactSource.Questionnaires);
        Assert.Contains("Does management recognise the union for bargaining?", Assert.Single(flagged, p => p.Source == ImpactSource.Questionnaires).Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(resolved, p => p.Source == ImpactSource.Questionnaires);
    }

    [Theory]
    [InlineData("forced_labour", "yes", "yes", "forced_labour")]
    [InlineData("ForcedLabour", "yes no", "no", "ForcedLabour")]
    [InlineData("ForcedLabour", "yes", "no", null)]
    [InlineData("", "yes", "yes", null)]
    public void A_question_points_to_a_risk_when_its_answer_is_one_the_form_names(string issue, string riskIf, string answer, string? expected)
    {
        var form = PassportForm(issue, riskIf);
        var answers = new FormAnswers();
        answers.Values["passports"] = answer;
        var evaluation = FormEvaluation.Of(form, answers, new DateOnly(2026, 1, 1), "English (en)");

        var signals = RiskFromAnswers.Signals(evaluation, "English (en)");

        Assert.Equal(expected is null ? [] : [new RiskSignal(expected, "passports", "Does the employer keep workers' passports?")], signals);
        Assert.Equal(signals, RiskFromAnswers.Read(RiskFromAnswers.Stored(signals)));
    }
    [Theory]
    [InlineData("forced labour", "", null, null)]
    [InlineData("forcd_labour", "yes", "risk", "This is not an issue of the register.")]
    [InlineData("", "yes", "risk", "Name the issue the marked answers point to.")]
    [InlineData("ForcedLabour", "yes maybe", "risk_if", "Name only choices the question offers.")]
    [InlineData("ForcedLabour", "Yes", null, null)]
    [InlineData("ForcedLabour", "other", "risk_if", "Name only choices the question offers.")]
    [InlineData("ForcedLabour", "other", null, null, "select_one yes_no or_other")]
    public void A_form_is_told_which_risk_mark_it_gets_wrong_by_row_and_column(string issue, string riskIf, string? column, string? message, string type = "select_one yes_no")
    {
        var form = PassportForm(issue, riskIf, type);

        var problems = RiskFromAnswers.Problems(form);

        Assert.Equal(column is null ? [] : [$"survey[2].{column}"], problems.Keys);
        Assert.Equal(message is null ? [] : [message], problems.Values.SelectMany(m => m));
    }

    [Fact]
    public void In_a_form_that_marks_risks_a_mark_without_its_answers_or_in_a_repeat_is_refused_and_the_starters_marks_are_whole()
    {
        IReadOnlyList<IReadOnlyList<string>> Sheet(params string[][] rows) => rows;
        var load = XlsFormLoader.Load(XlsFormSheets.FromRows(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["survey"] = Sheet(["type", "name", "label", "risk", "risk_if"], ["select_one yes_no", "deposit", "Deposit asked?", "ForcedLabour", ""],
                ["begin_repeat", "workers", "Workers", "", ""], ["select_one yes_no", "passport", "Passport kept?", "ForcedLabour", "yes"], ["end_repeat", "", "", "", ""]),
            ["choices"] = Sheet(["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]),
        }));
        var starters = QuestionnaireLibrary.Starters.Select(s => XlsFormFile.Load(s.FileName, QuestionnaireLibrary.StarterFile(s.FileName)));

        var problems = RiskFromAnswers.Problems(load.Form!);

        Assert.Equal(["survey[2].risk_if", "survey[4].risk_if"], problems.Keys.Order());
        Assert.Equal(["Name the answers that point to the issue."], problems["survey[2].risk_if"]);
        Assert.Equal(["A question in a repeat cannot mark a risk: it is answered more than once."], problems["survey[4].risk_if"]);
        Assert.All(starters, form => Assert.Empty(RiskFromAnswers.Problems(form)));
    }

    [Fact]
    public async Task An_uploaded_form_with_a_misspelt_risk_is_refused_naming_the_cell_and_nothing_is_stored()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        const string csv = "survey,type,name,label,risk,risk_if\n,select_one yes_no,passports,Passports kept?,forcd labour,yes\n"
            + "choices,list_name,name,label,,\n,yes_no,yes,Yes,,\n,yes_no,no,No,,\nsettings,form_title,form_id,,,\n,Passports,passports_check,,,\n";
        var before = await world.Brand.GetFromJsonAsync<List<QuestionnaireDto>>($"{world.BrandApi}/questionnaires", Http.Json);

        var refused = await (await world.Brand.PostAsync($"{world.BrandApi}/questionnaires/import",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "passports.csv" } })).ProblemAsync(HttpStatusCode.BadRequest);
        var after = await world.Brand.GetFromJsonAsync<List<QuestionnaireDto>>($"{world.BrandApi}/questionnaires", Http.Json);

        Assert.Equal(["This is not an issue of the register."], refused.FieldErrors("survey[2].risk"));
        Assert.Equal(before!.Select(q => q.Id), after!.Select(q => q.Id));
    }

    private static XlsFormDefinition PassportForm(string issue, string riskIf, string type = "select_one yes_no")
    {
        IReadOnlyList<IReadOnlyList<string>> Sheet(params string[][] rows) => rows;
        var load = XlsFormLoader.Load(XlsFormSheets.FromRows(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["survey"] = Sheet(["type", "name", "label::English (en)", "risk", "risk_if"], [type, "passports", "Does the employer keep workers' passports?", issue, riskIf]),
            ["choices"] = Sheet(["list_name", "name", "label::English (en)"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]),
            ["settings"] = Sheet(["form_title", "form_id"], ["Passports", "passports"]),
        }));
        Assert.True(load.Succeeded, string.Join("\n", load.Problems));
        return load.Form!;
    }
}

public sealed class QuestionnaireRiskProposalSpecsOnSqlite(SqliteApp app) : QuestionnaireRiskProposalSpecs(app);

public sealed class QuestionnaireRiskProposalSpecsOnPostgres(PostgresApp app) : QuestionnaireRiskProposalSpecs(app);
