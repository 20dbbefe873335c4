using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;

namespace CommonThread.Tests.Assessments;

/// <summary>once(): a value worked out the first time a draft is saved (an interview's id, its start) stays what it was through later saves and the submission.</summary>
public abstract class KeptCalculationSpecs(TestApp app)
{
    [Fact]
    public async Task A_once_calculation_keeps_its_first_value_through_drafts_and_the_submission_while_others_follow_the_answers()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        const string form = "survey,type,name,label,calculation\n,calculate,interview_id,,once(uuid(12))\n,integer,workers,Workers?,\n,calculate,double,,${workers} * 2\n"
            + "settings,form_title,form_id\n,Interview ids,interview_ids\n";
        var questionnaire = await (await world.Brand.PostAsync($"{world.BrandApi}/questionnaires/import",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(form)), "file", "ids.csv" } })).ReadAsync<QuestionnaireDto>();
        var assignment = await world.AssignAsync(questionnaire.Id);
        var response = $"{world.SupplierApi}/assignments/{assignment.Id}/response";

        var first = await (await world.Supplier.PutAsJsonAsync(response, new { values = new Dictionary<string, string> { ["workers"] = "10" } })).ReadAsync<ResponseDto>();
        var second = await (await world.Supplier.PutAsJsonAsync(response, new { values = new Dictionary<string, string> { ["workers"] = "12" } })).ReadAsync<ResponseDto>();
        var submitted = await (await world.Supplier.PostAsJsonAsync($"{response}/submit", new { values = new Dictionary<string, string> { ["workers"] = "15" } })).ReadAsync<ResponseDto>();

        Assert.Equal(12, first.Values["interview_id"].Length);
        Assert.Equal(first.Values["interview_id"], second.Values["interview_id"]);
        Assert.Equal(first.Values["interview_id"], submitted.Values["interview_id"]);
        Assert.Equal(("20", "24", "30"), (first.Values["double"], second.Values["double"], submitted.Values["double"]));
    }
}

public sealed class KeptCalculationSpecsOnSqlite(SqliteApp app) : KeptCalculationSpecs(app);

public sealed class KeptCalculationSpecsOnPostgres(PostgresApp app) : KeptCalculationSpecs(app);
