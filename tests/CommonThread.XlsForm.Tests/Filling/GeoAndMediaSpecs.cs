using CommonThread.XlsForm.Expressions;
using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Tests.Filling;

/// <summary>Geopoint, image, file and skipped questions as the engine checks and keeps them (built directly: loading them is the loader's business).</summary>
public sealed class GeoAndMediaSpecs
{
    private static readonly XlsFormDefinition Form = Build(
        new FormQuestion { Name = "where", Type = QuestionType.Geopoint, Label = Label("Where?"), Row = 2 },
        new FormQuestion { Name = "photo", Type = QuestionType.Image, Label = Label("Photo"), Row = 3, Required = ExpressionParser.Parse("true()") },
        new FormQuestion { Name = "recording", Type = QuestionType.Skipped, Label = Label("Recording"), Row = 4, Required = ExpressionParser.Parse("true()") },
        new FormQuestion { Name = "trip", Type = QuestionType.Calculate, Label = Translated.None, Row = 5, Calculation = ExpressionParser.Parse("round(distance(${where}, '11.5564 104.9282'))") });

    [Theory]
    [InlineData("11.5564 104.9282")]
    [InlineData("-11.5 -104.9 12.5")]
    [InlineData("90 180 0 5")]
    [InlineData("  11.5  104.9  ")]
    public void A_geopoint_is_a_latitude_and_longitude_with_an_optional_altitude_and_accuracy(string answer) =>
        Assert.Empty(Form.Fill(("where", answer), ("photo", "a.jpg")).ErrorsOn("where"));

    [Theory]
    [InlineData("11.5564")]
    [InlineData("91 104")]
    [InlineData("11 181")]
    [InlineData("north east")]
    [InlineData("1 2 3 4 5")]
    [InlineData("11,5 104,9")]
    public void Anything_else_is_refused_with_an_example(string answer) =>
        Assert.Equal(["Enter a latitude and a longitude, e.g. 11.5564 104.9282."], Form.Fill(("where", answer), ("photo", "a.jpg")).ErrorsOn("where"));

    [Fact]
    public void An_image_is_any_stored_file_name_and_a_skipped_question_is_never_checked_nor_kept()
    {
        var evaluation = Form.Fill(("photo", "evidence-1.jpg"), ("recording", "ignored"), ("where", "11.5564 104.9282"));
        Assert.Empty(evaluation.Errors());
        var kept = evaluation.Submission();
        Assert.Equal("evidence-1.jpg", kept["photo"]);
        Assert.False(kept.ContainsKey("recording"));
        Assert.Equal("", evaluation.ValueOf("recording"));
        Assert.Equal(["This question must be answered."], Form.Fill().ErrorsOn("photo"));
    }

    [Fact]
    public void Distance_reads_geopoint_answers_in_meters()
    {
        Assert.Equal("0", Form.Fill(("where", "11.5564 104.9282")).ValueOf("trip"));
        Assert.Equal("111319", Form.Fill(("where", "10.5564 104.9282")).ValueOf("trip"));
        Assert.Equal("0", Form.Fill(("where", "")).ValueOf("trip")); // a blank answer is no point: one point left, no distance
    }

    private static Translated Label(string text) => new(new Dictionary<string, string> { [""] = text });

    private static XlsFormDefinition Build(params FormQuestion[] questions) => new()
    {
        Title = "Geo", FormId = "geo", Languages = [""], Items = questions,
        Choices = new Dictionary<string, IReadOnlyList<Choice>>(), Questions = questions.ToDictionary(q => q.Name),
    };
}
