using CommonThread.Matching.Synthetic;

namespace CommonThread.Matching.Tests;

public sealed class MatcherSpecs
{
    private static readonly FacilityRecord[] Registry =
    [
        new("viet-tien", "Viet Tien Garment Joint Stock Company", "7 Le Minh Xuan Street, Tan Binh District, Ho Chi Minh City 700000", "VN", "VN2019123ABCDEF"),
        new("dhaka-knit", "Dhaka Knitwear Ltd", "Plot 12, Road 5, Sector 7, Uttara, Dhaka 1230", "BD"),
        new("dhaka-knit-2", "Dhaka Knitwear Ltd", "Plot 88, Road 14, Sector 3, Uttara, Dhaka 1230", "BD"),
        new("angkor", "Angkor Stitch Factory Co., Ltd", "National Road 4, Kambol, Phnom Penh 12000", "KH"),
    ];

    private static readonly FacilityMatcher Matcher = new(FacilityIndex.Build(Registry));

    [Fact]
    public void An_os_id_links_whatever_the_name_says() =>
        Assert.Equal(new MatchResult(MatchDecision.Linked, "viet-tien", 1.0), Matcher.Match(new FacilityRecord("x", "Something else", "", "VN", "vn2019123abcdef")));

    [Theory]
    [InlineData("Angkor Stich Factory Co Ltd", "National Road 4, Kambol, Phnom Penh 12000")]      // typo
    [InlineData("Stitch Angkor Factory", "National Rd. 4, Kambol, Phnom Penh")]                     // reordered, abbreviated, no postcode
    [InlineData("ANGKOR STITCH FACTORY LIMITED", "National Road 4 Kambol Phnom Penh 12000")]        // legal form and case
    public void Noisy_spellings_of_one_facility_link_to_it(string name, string address)
    {
        var result = Matcher.Match(new FacilityRecord("row", name, address, "KH"));

        Assert.Equal(MatchDecision.Linked, result.Decision);
        Assert.Equal("angkor", result.FacilityId);
    }

    [Fact]
    public void The_same_name_at_another_address_is_told_apart_by_the_address()
    {
        var result = Matcher.Match(new FacilityRecord("row", "Dhaka Knitwear Limited", "Plot 88, Rd 14, Sector 3, Uttara, Dhaka", "BD"));

        Assert.Equal("dhaka-knit-2", result.FacilityId);
        Assert.Equal(MatchDecision.Linked, result.Decision);
    }

    [Fact]
    public void Two_candidates_too_close_to_call_go_to_review()
    {
        var result = Matcher.Match(new FacilityRecord("row", "Dhaka Knitwear Ltd", "Uttara, Dhaka 1230", "BD"));

        Assert.Equal(MatchDecision.NeedsReview, result.Decision);
        Assert.Contains(result.RunnerUpId, new[] { "dhaka-knit", "dhaka-knit-2" });
    }

    [Fact]
    public void Another_country_never_matches() =>
        Assert.Equal(MatchDecision.New, Matcher.Match(new FacilityRecord("row", "Angkor Stitch Factory", "National Road 4, Kambol, Phnom Penh", "TH")).Decision);

    [Fact]
    public void An_unrelated_facility_is_new() =>
        Assert.Equal(MatchDecision.New, Matcher.Match(new FacilityRecord("row", "Mekong Denim Works", "Lot 3, Long Hau Industrial Zone, Long An", "VN")).Decision);

    // Neighbours in one industrial park whose names differ only in how the legal form is written.
    private static readonly FacilityMatcher LegalFormMatcher = new(FacilityIndex.Build(
    [
        new("ramekan", "Textiles Ramekan SA de CV", "Parque Industrial Norte, Lote 7, Apodaca, Nuevo Leon 66600", "MX"),
        new("maquila-sur", "Maquila Sur S.A. de C.V.", "Parque Industrial Norte, Lote 8, Apodaca, Nuevo Leon 66600", "MX"),
        new("kanlo", "Pletiva Kanlo d.o.o.", "Industrijska zona 4, Leskovac 16000", "RS"),
        new("vinlo", "Tricot Vinlo D O O", "Industrijska zona 5, Leskovac 16000", "RS"),
        new("sile", "Şile Tekstil Sanayi ve Ticaret A.Ş.", "Organize Sanayi Bölgesi 3. Cadde No 12, Çorlu, Tekirdağ 59860", "TR"),
        new("corlu", "Corlu Orme San. ve Tic. Ltd. Şti.", "Organize Sanayi Bölgesi 3. Cadde No 14, Çorlu, Tekirdağ 59860", "TR"),
    ]));

    [Theory]
    [InlineData("Textiles Ramekan S.A. de C.V.", "Parque Industrial Norte, Lote 7, Apodaca, Nuevo Leon 66600", "MX", "ramekan")]
    [InlineData("TEXTILES RAMEKAN S A DE C V", "Parque Industrial Norte Lote 7 Apodaca Nuevo Leon", "MX", "ramekan")]
    [InlineData("Maquila Sur sa de cv", "Parque Industrial Norte, Lote 8, Apodaca, Nuevo Leon 66600", "MX", "maquila-sur")]
    [InlineData("PLETIVA KANLO DOO", "Industrijska zona 4, Leskovac 16000", "RS", "kanlo")]
    [InlineData("Tricot Vinlo d.o.o.", "Industrijska zona 5, Leskovac", "RS", "vinlo")]
    [InlineData("Sile Tekstil AS", "Organize Sanayi Bolgesi 3. Cadde No 12, Corlu, Tekirdag 59860", "TR", "sile")]
    [InlineData("Corlu Orme Sanayi ve Ticaret Limited Sirketi", "Organize Sanayi Bolgesi 3 Cadde No 14 Corlu Tekirdag", "TR", "corlu")]
    public void The_dotted_and_the_plain_legal_form_of_one_factory_match_and_the_neighbour_is_not_picked(string name, string address, string country, string expected)
    {
        var result = LegalFormMatcher.Match(new FacilityRecord("row", name, address, country));

        Assert.Equal(MatchDecision.Linked, result.Decision);
        Assert.Equal(expected, result.FacilityId);
    }

    [Fact]
    public void On_synthetic_lists_links_are_precise_and_find_nearly_every_true_match()
    {
        // The benchmark runs this at 1M × 100k; here it is the same measure at a size a test can afford.
        var data = new SyntheticFacilities(seed: 7);
        var registry = data.Registry(20_000);
        var matcher = new FacilityMatcher(FacilityIndex.Build(registry));
        var rows = Enumerable.Range(0, 2_000).Select(i => i % 2 == 0
            ? (Row: data.Noisy(registry[(i * 7919) % registry.Count], $"q{i}"), Truth: registry[(i * 7919) % registry.Count].Id)
            : (Row: data.Facility($"q{i}"), Truth: (string?)null)).ToList();

        var results = rows.Select(r => (r.Truth, Result: matcher.Match(r.Row))).ToList();
        var links = results.Where(r => r.Result.Decision == MatchDecision.Linked).ToList();
        var correct = links.Count(r => r.Result.FacilityId == r.Truth);
        var precision = (double)correct / links.Count;
        var recall = (double)correct / rows.Count(r => r.Truth is not null);

        Assert.True(precision >= 0.98, $"precision {precision:F4}");
        Assert.True(recall >= 0.95, $"recall {recall:F4}");
    }
}
