namespace CommonThread.Matching.Tests;

/// <summary>Addresses in different shapes (issue 18, item 4) and the same facility entered under two countries (item 6).</summary>
public sealed class AddressSpecs
{
    private static readonly FacilityMatcher Matcher = new(FacilityIndex.Build(
    [
        new("orchid", "Orchid Sweaters Ltd", "Plot 21-24, Sector 4, Dhaka Export Processing Zone, Savar, Dhaka 1349", "BD"),
        new("lotus", "Lotus Sweaters Ltd", "Plot 25, Sector 4, Dhaka Export Processing Zone, Savar, Dhaka 1349", "BD"),
        new("saigon", "Saigon Stitch Co., Ltd", "Lot C2, Tan Thuan Export Processing Zone, District 7, Ho Chi Minh City", "VN"),
        new("corlu", "Corlu Orme Tekstil A.S.", "Velimese OSB, 3. Cadde No 14, Ergene, Tekirdag 59930", "TR"),
        new("elsewhere", "Mekong Fashion Co., Ltd", "National Road 5, Kampong Chhnang", "KH"),
    ]));

    [Theory]
    [InlineData("Orchid Sweaters Ltd", "Plot 21-24, Sector 4, DEPZ, Savar, Dhaka, Bangladesh", "BD", "orchid")]
    [InlineData("Orchid Sweaters", "Plot21-24 Sector4 Dhaka EPZ Savar Dhaka-1349 BD", "BD", "orchid")]
    [InlineData("Saigon Stitch Company Limited", "Lot C2, Tan Thuan EPZ, Dist. 7, Ho Chi Minh City, Viet Nam", "VN", "saigon")]
    [InlineData("Saigon Stitch Co Ltd", "Lot C2 Tan Thuan Export Processing Zone District 7 Ho Chi Minh City Vietnam", "VN", "saigon")]
    [InlineData("Corlu Orme Tekstil Anonim Sirketi", "Velimese Organize Sanayi Bolgesi 3. Cadde No:14 Ergene Tekirdag, Türkiye", "TR", "corlu")]
    public void An_address_in_another_shape_still_links(string name, string address, string country, string expected)
    {
        var result = Matcher.Match(new FacilityRecord("row", name, address, country));

        Assert.Equal((MatchDecision.Linked, expected), (result.Decision, result.FacilityId));
    }

    [Theory]
    [InlineData("Plot 12, Dhaka, Bangladesh", "BD", "12 dhaka")]
    [InlineData("Plot 12, Dhaka-1230, BD", "BD", "12 dhaka 1230")]
    [InlineData("Yangon, Myanmar (Burma)", "MM", "yangon")]
    [InlineData("Lot 5, Hanoi, Viet Nam", "VN", "lot 5 hanoi")]
    [InlineData("India Gate Road, Delhi, India", "IN", "gate road delhi")]
    [InlineData("Bangladesh Road, Kolkata, India", "IN", "bangladesh road kolkata")]
    public void The_address_loses_its_own_country_but_keeps_other_countries_names(string address, string country, string expected) =>
        Assert.Equal(expected, string.Join(' ', FacilityNormaliser.Normalise(new FacilityRecord("x", "Name", address, country)).AddressTokens.Where(t => t != "plot")));

    [Fact]
    public void A_row_with_the_name_and_address_of_a_facility_in_another_country_goes_to_review_with_the_reason()
    {
        var result = Matcher.Match(new FacilityRecord("row", "Mekong Fashion Co Ltd", "National Road 5, Kampong Chhnang", "VN"));

        Assert.Equal((MatchDecision.NeedsReview, "elsewhere"), (result.Decision, result.FacilityId));
        var country = Assert.Single(result.Evidence, e => e.Part == EvidencePart.Country);
        Assert.Equal((Verdict.Differs, "VN", "KH"), (country.Verdict, country.RowValue, country.CandidateValue));
    }

    [Fact]
    public void The_same_name_in_another_country_at_another_address_is_a_new_facility() =>
        Assert.Equal(MatchDecision.New, Matcher.Match(new FacilityRecord("row", "Mekong Fashion Co Ltd", "Lot 4, Long Hau Industrial Park, Long An", "VN")).Decision);

    [Fact]
    public void A_review_says_which_parts_agreed_and_which_did_not()
    {
        var result = Matcher.Match(new FacilityRecord("row", "Orchid Sweaters Limited", "Savar, Dhaka", "BD"));

        Assert.Equal(MatchDecision.NeedsReview, result.Decision);
        Assert.Equal(Verdict.Agrees, result.Evidence.Single(e => e.Part == EvidencePart.Name).Verdict);
        Assert.NotEqual(Verdict.Agrees, result.Evidence.Single(e => e.Part == EvidencePart.Address).Verdict);
    }

    private static readonly FacilityMatcher Places = new(FacilityIndex.Build(
    [
        new("seeduwa", "Brandix Lanka Ltd - Seeduwa", "Averiwatte Road, Seeduwa", "LK"),
        new("kuruwita", "Brandix Lanka Ltd - Kuruwita", "Kuruwita Road, Ratnapura", "LK"),
        new("nishat", "Nishat Mills Ltd", "Nishatabad, Faisalabad", "PK"),
        new("duc-thanh", "Công ty TNHH Sợi Đức Thành", "Số 103, Đường Hoàng Nguyên, Phường 19, Quận Thủ Đức, TP. Hồ Chí Minh", "VN"),
    ]));

    [Theory]
    [InlineData("Brandix Lanka Limited", "Averiwatte Rd, Seeduwa", "LK", "seeduwa")]                          // the town in one name only
    [InlineData("Nishat Mills Limited (Spinning & Weaving)", "Nishatabad, Faisalabad", "PK", "nishat")]          // a division's words at the same address
    public void A_name_with_its_town_or_division_added_at_the_same_address_links(string name, string address, string country, string expected)
    {
        var result = Places.Match(new FacilityRecord("row", name, address, country));

        Assert.Equal((MatchDecision.Linked, expected), (result.Decision, result.FacilityId));
    }

    [Fact]
    public void A_word_in_the_middle_of_a_name_is_never_taken_for_a_place() =>
        Assert.NotEqual(MatchDecision.Linked, Places.Match(new FacilityRecord("row", "Soi Nguyen Thanh Co., Ltd", "So 252, Duong Gia Gia, Phuong 18, Quan Thu Duc, TP. Ho Chi Minh", "VN")).Decision);
}
