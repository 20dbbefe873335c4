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
    // Latin America
    [InlineData("Textiles Ramekan S.A. de C.V.", "textiles ramekan")]
    [InlineData("Textiles Ramekan sa de cv", "textiles ramekan")]
    [InlineData("TEXTILES RAMEKAN S A DE C V", "textiles ramekan")]
    [InlineData("Confecciones Lotiba S. de R.L. de C.V.", "confecciones lotiba")]
    [InlineData("Confecciones Lotiba S.A.P.I. de C.V.", "confecciones lotiba")]
    [InlineData("Maquila Sunba, Sociedad Anónima", "maquila sunba")]
    [InlineData("Confecções Tiba Ltda. ME", "confeccoes tiba")]
    [InlineData("Confecções Tiba EIRELI - EPP", "confeccoes tiba")]
    [InlineData("Textil Andino S.A.C.", "textil andino")]
    [InlineData("Textil Andino E.I.R.L.", "textil andino")]
    [InlineData("Hilados del Sur S.A.S.", "hilados del sur")]
    [InlineData("Hilados Cía. Ltda.", "hilados")]
    // Europe and North Africa
    [InlineData("Tricot Vinlo S.R.L.", "tricot vinlo")]
    [InlineData("Tricot Vinlo s.a.r.l.", "tricot vinlo")]
    [InlineData("Confection Atlas SARL AU", "confection atlas")]
    [InlineData("Pletiva Kanlo d.o.o.", "pletiva kanlo")]
    [InlineData("Textil Brno s.r.o.", "textil brno")]
    [InlineData("Textil Brno spol. s r.o.", "textil brno")]
    [InlineData("Dzianiny Lodz Sp. z o.o.", "dzianiny lodz")]
    [InlineData("Shivashki Tsekh OOD", "shivashki tsekh")]
    [InlineData("Шивашки Цех ЕООД", "shivashki tsekh")]
    [InlineData("Шивашки Цех А.Д.", "shivashki tsekh")]
    [InlineData("Kötöde Kft.", "kotode")]
    [InlineData("Strickerei Huber GmbH & Co. KG", "strickerei huber")]
    [InlineData("Confecções Porto, Lda.", "confeccoes porto")]
    [InlineData("Confecções Porto Unipessoal Lda", "confeccoes porto")]
    [InlineData("Moda Milano S.p.A.", "moda milano")]
    [InlineData("Tekstil Oy", "tekstil")]
    [InlineData("Egypt Cotton Spinning S.A.E.", "egypt cotton spinning")]
    [InlineData("Jordan Apparel Ltd. L.L.C.", "jordan apparel")]
    // Türkiye
    [InlineData("Şile Tekstil A.Ş.", "sile tekstil")]
    [InlineData("Şile Tekstil San. ve Tic. Ltd. Şti.", "sile tekstil")]
    [InlineData("Şile Tekstil Sanayi ve Ticaret Anonim Şirketi", "sile tekstil")]
    [InlineData("Şile Tekstil Limited Şirketi", "sile tekstil")]
    // South and South-East Asia
    [InlineData("Dhaka Knitwear Pvt. Ltd.", "dhaka knitwear")]
    [InlineData("Dhaka Knitwear Private Limited", "dhaka knitwear")]
    [InlineData("Tiruppur Knits (OPC) Pvt Ltd", "tiruppur knit")]
    [InlineData("Tiruppur Knits L.L.P.", "tiruppur knit")]
    [InlineData("P.T. Sinar Garmen Tbk", "sinar garmen")]
    [InlineData("P T Sinar Garmen", "sinar garmen")]
    [InlineData("C.V. Sinar Garmen", "sinar garmen")]
    [InlineData("Penang Apparel Sdn. Bhd.", "penang apparel")]
    [InlineData("Lion Sewing Pte. Ltd.", "lion sewing")]
    [InlineData("Angkor Stitch Co.,Ltd.", "angkor stitch")]
    [InlineData("Siam Knit Public Co., Ltd.", "siam knit")]
    [InlineData("Công ty TNHH May Việt Tiến", "garments viet tien")]
    [InlineData("Công ty Cổ phần May Việt Tiến", "garments viet tien")]
    [InlineData("Công ty TNHH MTV May Việt Tiến", "garments viet tien")]
    [InlineData("Viet Tien Garment J.S.C.", "viet tien garments")]
    // Local scripts
    [InlineData("广州华美服装有限公司", "广州华美服装")]
    [InlineData("广州华美服装股份有限公司", "广州华美服装")]
    [InlineData("广州华美服装有限责任公司", "广州华美服装")]
    [InlineData("广州华美服装厂", "广州华美服装")]
    [InlineData("华美服装集团有限公司", "华美服装")]
    [InlineData("ঢাকা নিটওয়্যার লিমিটেড", "ঢাকা নিটওয়্যার")]
    [InlineData("ঢাকা নিটওয়্যার প্রাইভেট লিমিটেড", "ঢাকা নিটওয়্যার")]
    [InlineData("ក្រុមហ៊ុន អង្គរ ឯកជន", "អង្គរ")]
    [InlineData("ក្រុមហ៊ុនអង្គរ", "អង្គរ")]
    [InlineData("บริษัท ไทยการ์เมนต์ จำกัด", "ไทยการ์เมนต์")]
    [InlineData("บริษัทไทยการ์เมนต์จำกัด", "ไทยการ์เมนต์")]
    [InlineData("ရန်ကုန် အထည် ကုမ္ပဏီ လီမိတက်", "ရန်ကုန် အထည်")]
    [InlineData("شركة النسيج ذ.م.م", "النسيج")]
    [InlineData("तिरुपुर निट्स प्राइवेट लिमिटेड", "तिरुपुर निट्स")]
    [InlineData("لاہور ٹیکسٹائل پرائیویٹ لمیٹڈ", "لاہور ٹیکسٹائل")]
    public void A_legal_form_written_with_dots_spaces_or_in_its_own_script_leaves_only_the_name(string name, string expected) =>
        Assert.Equal(TextFolding.Fold(expected), string.Join(' ', FacilityNormaliser.NameTokens(name)));

    [Theory]
    [InlineData("S.A. de C.V.", "sa de cv")]
    [InlineData("P T", "pt")]
    [InlineData("d.o.o.", "doo")]
    [InlineData("A.Ş.", "as")]
    [InlineData("sp. z o.o.", "sp zoo")]
    [InlineData("ذ.م.م", "ذمم")]
    public void Letters_written_one_at_a_time_are_joined_into_one_word(string text, string expected) =>
        Assert.Equal(TextFolding.Fold(expected), string.Join(' ', FacilityNormaliser.AddressTokens(text)));

    [Theory]
    [InlineData("Rahman Knit Unit A", "rahman knit unit a")]
    [InlineData("Rahman Knit Unit A B", "rahman knit unit a b")]
    [InlineData("Rahman Knit Block B 2", "rahman knit block b 2")]
    [InlineData("Rahman Knit Factory 3", "rahman knit factory 3")]
    [InlineData("Rahman Knit Shed C D", "rahman knit shed c d")]
    [InlineData("Rahman Knit 1 2", "rahman knit 1 2")]
    [InlineData("Rahman Knit A B 2", "rahman knit a b 2")]
    public void Letters_and_numbers_that_label_a_unit_stay_apart(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', FacilityNormaliser.NameTokens(name)));

    [Fact]
    public void Sister_units_told_apart_by_a_letter_keep_different_words()
    {
        Assert.NotEqual(FacilityNormaliser.NameTokens("Rahman Knit Unit A"), FacilityNormaliser.NameTokens("Rahman Knit Unit B"));
        Assert.NotEqual(FacilityNormaliser.AddressTokens("Block B 2, Uttara"), FacilityNormaliser.AddressTokens("Block B 3, Uttara"));
        Assert.NotEqual(FacilityNormaliser.AddressTokens("Shed A, EPZ"), FacilityNormaliser.AddressTokens("Shed B, EPZ"));
    }

    [Theory]
    [InlineData("S.A. de C.V.")]
    [InlineData("Pvt. Ltd.")]
    [InlineData("有限公司")]
    [InlineData("Công ty TNHH")]
    public void A_name_made_only_of_legal_words_keeps_them(string name) =>
        Assert.NotEmpty(FacilityNormaliser.NameTokens(name));

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
