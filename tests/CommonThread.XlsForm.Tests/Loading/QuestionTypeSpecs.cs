namespace CommonThread.XlsForm.Tests.Loading;

/// <summary>
/// A form is never refused for a question type this platform does not render: it loads, and the author
/// is told which questions are asked as plain inputs or skipped, and why. Only a type nobody knows
/// (a typo) is refused, with the nearest known type.
/// </summary>
public sealed class QuestionTypeSpecs
{
    private static XlsFormDefinition One(string type, string appearance = "") => TestForms.Load($"""
        survey
        | type   | name | label | appearance   |
        | {type} | q    | Q     | {appearance} |
        choices
        | list_name | name | label |
        | yn        | yes  | Yes   |
        """);

    [Theory]
    [InlineData("geopoint", QuestionType.Geopoint)]
    [InlineData("image", QuestionType.Image)]
    [InlineData("photo", QuestionType.Image)]
    [InlineData("file", QuestionType.File)]
    [InlineData("location", QuestionType.Geopoint)]
    public void Geopoint_image_and_file_questions_load_as_themselves_with_nothing_to_tell(string type, QuestionType expected)
    {
        var form = One(type);
        Assert.Equal(expected, form.Questions["q"].Type);
        Assert.Empty(form.Adaptations);
    }

    [Theory]
    [InlineData("barcode", QuestionType.Text, "typed in, not scanned")]
    [InlineData("geotrace", QuestionType.Text, "lat lon;lat lon")]
    [InlineData("geoshape", QuestionType.Text, "lat lon;lat lon")]
    [InlineData("range", QuestionType.Decimal, "typed as a number")]
    public void Types_asked_as_a_plain_input_say_how(string type, QuestionType expected, string reason)
    {
        var form = One(type);
        Assert.Equal(expected, form.Questions["q"].Type);
        var adaptation = Assert.Single(form.Adaptations);
        Assert.Equal(("q", 2, type, AdaptationKind.PlainInput), (adaptation.Question, adaptation.Row, adaptation.Type, adaptation.Kind));
        Assert.Contains(reason, adaptation.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("draw")]
    [InlineData("annotate")]
    public void A_drawn_picture_is_uploaded_instead_and_the_author_is_told(string appearance)
    {
        var form = One("image", appearance);
        Assert.Equal(QuestionType.Image, form.Questions["q"].Type);
        Assert.Equal(AdaptationKind.PlainInput, Assert.Single(form.Adaptations).Kind);
    }

    [Theory]
    [InlineData("audio", "sound")]
    [InlineData("video", "video")]
    [InlineData("background-audio", "sound")]
    [InlineData("background-geopoint", "background")]
    [InlineData("osm", "OpenStreetMap")]
    [InlineData("rank yn", "ranking")]
    [InlineData("select_one_from_file sites.csv", "file that is not part of this upload")]
    [InlineData("select_multiple_from_file sites.csv", "file that is not part of this upload")]
    [InlineData("select_one_external yn", "file that is not part of this upload")]
    [InlineData("xml-external", "data file")]
    [InlineData("csv-external", "data file")]
    public void Types_that_cannot_be_asked_are_skipped_with_the_reason(string type, string reason)
    {
        var form = One(type);
        var question = form.Questions["q"];
        Assert.Equal(QuestionType.Skipped, question.Type);
        Assert.False(question.IsAsked);
        Assert.Equal(type, question.SourceType);
        var adaptation = Assert.Single(form.Adaptations);
        Assert.Equal(AdaptationKind.Skipped, adaptation.Kind);
        Assert.Contains(reason, adaptation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_is_a_value_never_asked_as_pyxform_has_it()
    {
        var form = One("hidden");
        Assert.Equal(QuestionType.Metadata, form.Questions["q"].Type);
        Assert.Empty(form.Adaptations);
    }

    [Theory]
    [InlineData("select one from yn", QuestionType.SelectOne, "yn", false)]
    [InlineData("select all that apply from yn", QuestionType.SelectMultiple, "yn", false)]
    [InlineData("select_multiple yn", QuestionType.SelectMultiple, "yn", false)]
    [InlineData("Select_One yn", QuestionType.SelectOne, "yn", false)]
    [InlineData("select_one yn or specify other", QuestionType.SelectOne, "yn", true)]
    [InlineData("add select one prompt using yn", QuestionType.SelectOne, "yn", false)]
    [InlineData("phone number", QuestionType.Text, null, false)]
    [InlineData("add integer prompt", QuestionType.Integer, null, false)]
    [InlineData("q picture", QuestionType.Image, null, false)]
    [InlineData("gps", QuestionType.Geopoint, null, false)]
    [InlineData("int", QuestionType.Integer, null, false)]
    [InlineData("string", QuestionType.Text, null, false)]
    [InlineData("decimal", QuestionType.Decimal, null, false)]
    [InlineData("dateTime", QuestionType.DateTime, null, false)]
    [InlineData("imei", QuestionType.Metadata, null, false)]
    public void Legacy_type_names_load_as_pyxform_reads_them(string type, QuestionType expected, string? list, bool orOther)
    {
        var question = One(type).Questions["q"];
        Assert.Equal((expected, list, orOther, type), (question.Type, question.ListName, question.OrOther, question.SourceType));
    }

    [Fact]
    public void A_list_name_keeps_its_case()
    {
        var form = TestForms.Load("""
            survey
            | type                  | name | label |
            | select one from YesNo | q    | Q     |
            choices
            | list_name | name | label |
            | YesNo     | yes  | Yes   |
            """);
        Assert.Equal("YesNo", form.Questions["q"].ListName);
    }

    [Theory]
    [InlineData("intger", "integer")]
    [InlineData("selct_one", "select_one")]
    [InlineData("begin gruop", "begin group")]
    [InlineData("geopiont", "geopoint")]
    public void A_typo_is_refused_at_its_cell_with_the_type_it_was_probably_meant_to_be(string type, string meant)
    {
        var load = TestForms.Try($"""
            survey
            | type   | name | label |
            | text   | a    | A     |
            | {type} | q    | Q     |
            """);
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("survey", 3, "type"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains($"Did you mean '{meant}'?", problem.Message, StringComparison.Ordinal);
    }
}
