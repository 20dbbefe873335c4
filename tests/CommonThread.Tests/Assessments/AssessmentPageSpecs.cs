using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Assessments;

/// <summary>The answering page works without JavaScript: the server applies the form's logic on every post.</summary>
public abstract partial class AssessmentPageSpecs(TestApp app)
{
    private static bool Hidden(string page, string key) =>
        Regex.IsMatch(page, $"data-key=\"{Regex.Escape(key)}\"[^>]*hidden", RegexOptions.None, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Questions_appear_and_disappear_with_the_answers_and_a_refused_answer_is_shown_beside_its_question()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        var member = await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var page = $"/o/{world.SupplierOrganisation.Id}/assessments/{assignment.Id}";

        var first = await client.GetStringAsync(page);
        var noUnion = await (await client.PostFormAsync(page, "answers", new() { ["a.has_union"] = "no", ["present"] = "has_union", ["action"] = "save" })).Content.ReadAsStringAsync();
        var union = await (await client.PostFormAsync(page, "answers", new() { ["a.has_union"] = "yes", ["present"] = "has_union", ["action"] = "save" })).Content.ReadAsStringAsync();
        var refused = await (await client.PostFormAsync(page, "answers", new()
        {
            ["a.workers"] = "100", ["a.has_union"] = "yes", ["a.union_members"] = "150", ["a.union_name"] = "Free Union", ["action"] = "submit",
        })).Content.ReadAsStringAsync();

        Assert.Contains("name=\"a.workers\"", first, StringComparison.Ordinal);
        Assert.True(Hidden(noUnion, "union_name"));
        Assert.False(Hidden(union, "union_name"));
        Assert.Contains("Members cannot outnumber the workers you gave above.", refused, StringComparison.Ordinal);
        Assert.Contains("This question must be answered.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"150\"", refused, StringComparison.Ordinal);
        Assert.Contains("nothing was submitted", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_there_when_the_respondent_comes_back_and_a_viewer_only_reads()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        var editor = await app.SignedInAsync((await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Editor)).Email, TestMember.Password);
        var viewer = await app.SignedInAsync((await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Viewer)).Email, TestMember.Password);
        var page = $"/o/{world.SupplierOrganisation.Id}/assessments/{assignment.Id}";

        await editor.PostFormAsync(page, "answers", new() { ["a.workers"] = "321", ["present"] = "workers", ["action"] = "save" });
        var later = await editor.GetStringAsync(page);
        var read = await viewer.GetStringAsync(page);

        Assert.Contains("value=\"321\"", later, StringComparison.Ordinal);
        Assert.Contains("value=\"321\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("submit-answers", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_questionnaire_file_is_listed_by_sheet_row_and_column_on_the_page()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var member = await app.NewMemberAsync(world.BrandOrganisation.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var page = $"/o/{world.BrandOrganisation.Id}/assessments";
        var upload = new MultipartFormDataContent { { new ByteArrayContent("survey,type,name,label\n,integer,a,A\n,integer,b,B\n,text,c,=1+1\n"u8.ToArray()), "file", "broken.csv" } };

        var answer = await (await client.PostMultipartFormAsync(page, "import", upload)).Content.ReadAsStringAsync();

        Assert.Contains("nothing was imported", answer, StringComparison.Ordinal);
        Assert.Contains("survey[4].label", answer, StringComparison.Ordinal);
        Assert.Contains("formula", answer, StringComparison.Ordinal);
    }
}

public sealed class AssessmentPageSpecsOnSqlite(SqliteApp app) : AssessmentPageSpecs(app);
