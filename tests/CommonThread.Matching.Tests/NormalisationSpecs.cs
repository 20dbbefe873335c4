namespace CommonThread.Matching.Tests;

public sealed class NormalisationSpecs
{
    [Theory]
    [InlineData("Dhaka Knitwear Ltd.", "dhaka knitwear")]
    [InlineData("DHAKA KNITWEAR LIMITED", "dhaka knitwear")]
    [InlineData("Dhaka Knitwear (Pvt.) Ltd", "dhaka knitwear")]
    [InlineData("Dhaka Knitwear Co., Ltd", "dhaka knitwear")]
    [InlineData("PT Dhaka Knitwear Tbk", "dhaka knitwear")]
    [InlineData("Rahman Gmts & Tex", "rahman garments textiles")]
    public void Legal_forms_and_trade_abbreviations_do_not_change_a_name(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', FacilityNormaliser.NameTokens(name)));

    [Theory]
    [InlineData("Nhà máy May Việt Tiến", "nha may may viet tien")]
    [InlineData("Şile Tekstil Sanayi", "sile tekstil sanayi")]
    [InlineData("Текстиль Завод", "tekstil zavod")]
    [InlineData("O'Neil Fashions", "oneil fashions")]
    [InlineData("ঢাকা নিটওয়্যার", "ঢাকা নিটওয়্যার")]
    public void Text_folds_accents_and_transliterates_cyrillic_but_keeps_other_scripts(string text, string expected) =>
        Assert.Equal(expected.Normalize(System.Text.NormalizationForm.FormKD), TextFolding.Fold(text));

    [Fact]
    public void Street_word_abbreviations_are_expanded_in_addresses()
    {
        Assert.Equal(FacilityNormaliser.AddressTokens("Plot 12, Road 5, Sector 7"), FacilityNormaliser.AddressTokens("Plot 12 Rd. 5 Sec 7"));
        Assert.Equal(["12", "main", "street"], FacilityNormaliser.AddressTokens("No. 12 Main St"));
    }

    [Fact]
    public void A_name_of_only_legal_words_is_kept_rather_than_emptied() =>
        Assert.NotEmpty(FacilityNormaliser.NameTokens("The Company Ltd"));

    [Theory]
    [InlineData("knitwear", "knitwaer", true)]
    [InlineData("knitwear", "knitwar", true)]
    [InlineData("knitwear", "knitweat", true)]
    [InlineData("knitwear", "knitwears", true)]
    [InlineData("knitwear", "kintwaer", false)]
    [InlineData("knitwear", "denim", false)]
    public void One_edit_covers_a_swap_a_deletion_a_substitution_and_an_insertion(string a, string b, bool expected) =>
        Assert.Equal(expected, TokenSimilarity.WithinOneEdit(a, b));

    [Fact]
    public void Word_order_does_not_change_similarity() =>
        Assert.Equal(1.0, TokenSimilarity.Of(["viet", "tien", "garments"], ["garments", "viet", "tien"]));
}
