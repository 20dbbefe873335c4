namespace CommonThread.Matching.Tests;

/// <summary>Names whose words are spaced differently: run together, split, letters spaced out (issue 18, item 1).</summary>
public sealed class SpacingSpecs
{
    private static readonly FacilityMatcher Matcher = new(FacilityIndex.Build(
    [
        new("rahimafroz", "Rahim Afroz Garments Ltd", "Plot 14, Section 7, Mirpur, Dhaka 1216", "BD"),
        new("hameem", "Hameem Denim Ltd", "Nischintapur, Ashulia, Savar, Dhaka", "BD"),
        new("abc", "A B C Knit Composite Ltd", "Kashimpur Road, Gazipur", "BD"),
        new("kanlovin", "Kanlovin Apparel Co., Ltd", "Lot 12, Road 3, Manhattan SEZ, Bavet, Svay Rieng", "KH"),
        new("sunrise", "Sunrise Apparel Co., Ltd", "Lot 14, Road 3, Manhattan SEZ, Bavet, Svay Rieng", "KH"),
        new("zaber-1", "Zaber Knit Unit 1", "Plot 5, BSCIC Industrial Estate, Narayanganj", "BD"),
        new("zaber-2", "Zaber Knit Unit 2", "Plot 5, BSCIC Industrial Estate, Narayanganj", "BD"),
    ]));

    [Theory]
    [InlineData("RahimAfroz Garments Limited", "Plot 14, Section 7, Mirpur, Dhaka 1216", "BD", "rahimafroz")]   // run together
    [InlineData("RAHIMAFROZ GARMENTS", "Plot-14 Section-7 Mirpur Dhaka", "BD", "rahimafroz")]                 // run together, no postcode
    [InlineData("Rahim Afroz Garmnts Ltd", "Plot 14, Section 7, Mirpur, Dhaka 1216", "BD", "rahimafroz")]     // typo as well
    [InlineData("Ha-Meem Denim Ltd.", "Nischintapur, Ashulia, Savar, Dhaka", "BD", "hameem")]                   // split by a hyphen
    [InlineData("Ha Meem Denim", "Nischintapur Ashulia Savar Dhaka", "BD", "hameem")]                          // split
    [InlineData("ABC Knit Composite Ltd", "Kashimpur Road, Gazipur", "BD", "abc")]                              // spaced letters joined
    [InlineData("A.B.C. Knit Composite", "Kashimpur Rd, Gazipur", "BD", "abc")]
    [InlineData("Kan Lovin Apparel Co Ltd", "Lot 12, Road 3, Manhattan SEZ, Bavet, Svay Rieng", "KH", "kanlovin")]
    [InlineData("KANLOVINAPPAREL", "Lot 12 Road 3 Manhattan Special Economic Zone Bavet Svay Rieng", "KH", "kanlovin")]
    public void A_name_spaced_differently_links_to_its_facility(string name, string address, string country, string expected)
    {
        var result = Matcher.Match(new FacilityRecord("row", name, address, country));

        Assert.Equal((MatchDecision.Linked, expected), (result.Decision, result.FacilityId));
    }

    [Fact]
    public void Spacing_never_joins_a_unit_number_to_meet_a_sister()
    {
        var result = Matcher.Match(new FacilityRecord("row", "ZaberKnit Unit1", "Plot 5, BSCIC Industrial Estate, Narayanganj", "BD"));

        Assert.Equal((MatchDecision.Linked, "zaber-1"), (result.Decision, result.FacilityId));
    }

    [Fact]
    public void A_neighbour_whose_name_shares_only_the_trade_is_not_picked()
    {
        var result = Matcher.Match(new FacilityRecord("row", "Sun Rise Apparel", "Lot 14, Road 3, Manhattan SEZ, Bavet", "KH"));

        Assert.Equal((MatchDecision.Linked, "sunrise"), (result.Decision, result.FacilityId));
    }

    [Theory]
    [InlineData("rahim afroz garments", "rahimafroz garments", "rahimafroz garments")]
    [InlineData("kan lo vin apparel", "kanlovin apparel", "kanlovin apparel")]
    [InlineData("unit 1 knit", "unit1 knit", "unit 1 knit")]
    public void Words_that_spell_a_word_of_the_other_side_are_aligned_but_numbers_never_are(string words, string other, string expected) =>
        Assert.Equal(expected, string.Join(' ', TokenSimilarity.Aligned(words.Split(' '), other.Split(' '))));

    private static readonly FacilityMatcher LocalScripts = new(FacilityIndex.Build(
    [
        new("huamei", "东莞市华美服装有限公司", "广东省东莞市虎门镇北栅工业区", "CN"),
        new("huali", "东莞市华丽服装有限公司", "广东省东莞市虎门镇南栅工业区", "CN"),
        new("siam", "บริษัท สยามการ์เมนต์ จำกัด", "123 หมู่ 4 ถนนพหลโยธิน อำเภอเมือง ปทุมธานี", "TH"),
    ]));

    [Theory]
    [InlineData("华美服装（东莞）有限公司", "广东省东莞市虎门镇北栅工业区", "CN", "huamei")]
    [InlineData("东莞市 华美服装 有限公司", "东莞市虎门镇北栅工业区", "CN", "huamei")]
    [InlineData("สยามการ์เมนต์", "123 หมู่ 4 ถนนพหลโยธิน อำเภอเมือง ปทุมธานี", "TH", "siam")]
    public void A_name_in_a_script_without_spaces_links_when_its_city_moves(string name, string address, string country, string expected)
    {
        var result = LocalScripts.Match(new FacilityRecord("row", name, address, country));

        Assert.Equal((MatchDecision.Linked, expected), (result.Decision, result.FacilityId));
    }
}
