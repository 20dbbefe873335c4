namespace CommonThread.Matching.Tests;

/// <summary>Numbered units and sections of one group at one address are different facilities (issue 18, item 3).</summary>
public sealed class SisterUnitSpecs
{
    private const string Estate = "Plot 5, BSCIC Industrial Estate, Fatullah, Narayanganj 1400";

    private static readonly FacilityMatcher Matcher = new(FacilityIndex.Build(
    [
        new("unit-1", "Zaber Knit Unit 1", Estate, "BD"),
        new("unit-2", "Zaber Knit Unit 2", Estate, "BD"),
        new("unit-3", "Zaber Knit Unit 3", Estate, "BD"),
        new("mxp1", "Maquila Norte MXP1", "Carretera a Saltillo Km 12, Ramos Arizpe, Coahuila 25900", "MX"),
        new("mxp5", "Maquila Norte MXP5", "Carretera a Saltillo Km 12, Ramos Arizpe, Coahuila 25900", "MX"),
        new("cutting", "Lanka Stitch Cutting Section", "Katunayake Export Processing Zone, Katunayake", "LK"),
        new("sewing", "Lanka Stitch Sewing Section", "Katunayake Export Processing Zone, Katunayake", "LK"),
        new("shed-3", "Delta Apparel", "Shed 3, Adamjee EPZ, Siddhirganj, Narayanganj", "BD"),
        new("shed-4", "Delta Apparel", "Shed 4, Adamjee EPZ, Siddhirganj, Narayanganj", "BD"),
    ]));

    [Theory]
    [InlineData("Zaber Knit Unit-2", Estate, "BD", "unit-2")]
    [InlineData("ZABER KNIT LTD (UNIT 02)", "Plot 5 BSCIC I/E Fatullah Narayanganj", "BD", "unit-2")]
    [InlineData("Zaber Knit Unit II", Estate, "BD", "unit-2")]
    [InlineData("Zaber Knit Factory No. 3", Estate, "BD", "unit-3")]
    [InlineData("Zaber Knit 3rd Unit", Estate, "BD", "unit-3")]
    [InlineData("Maquila Norte S.A. de C.V. MXP5", "Carretera a Saltillo Km 12, Ramos Arizpe", "MX", "mxp5")]
    [InlineData("Maquila Norte (MXP-5)", "Carretera a Saltillo Km 12, Ramos Arizpe, Coahuila 25900", "MX", "mxp5")]
    [InlineData("MAQUILA NORTE MXP05", "Carretera a Saltillo Km 12, Ramos Arizpe, Coahuila 25900", "MX", "mxp5")]
    [InlineData("Lanka Stitch (Pvt) Ltd - Sewing Section", "Katunayake EPZ, Katunayake", "LK", "sewing")]
    [InlineData("Delta Apparel Ltd", "Shed-4, Adamjee Export Processing Zone, Narayanganj", "BD", "shed-4")]
    public void A_numbered_unit_links_to_its_own_number(string name, string address, string country, string expected)
    {
        var result = Matcher.Match(new FacilityRecord("row", name, address, country));

        Assert.Equal((MatchDecision.Linked, expected), (result.Decision, result.FacilityId));
    }

    [Theory]
    [InlineData("Zaber Knit Unit 7", Estate, "BD")]
    [InlineData("Zaber Knit Unit IV", Estate, "BD")]
    [InlineData("Zaber Knit Unit XII", Estate, "BD")]
    [InlineData("Zaber Knit Ltd", Estate, "BD")]
    [InlineData("Maquila Norte MXP3", "Carretera a Saltillo Km 12, Ramos Arizpe, Coahuila 25900", "MX")]
    [InlineData("Maquila Norte MXP 3", "Carretera a Saltillo Km 12, Ramos Arizpe, Coahuila 25900", "MX")]
    [InlineData("Lanka Stitch Finishing Section", "Katunayake Export Processing Zone, Katunayake", "LK")]
    [InlineData("Delta Apparel", "Shed 9, Adamjee EPZ, Siddhirganj, Narayanganj", "BD")]
    public void A_unit_number_the_registry_lacks_is_never_linked_to_a_sister(string name, string address, string country) =>
        Assert.NotEqual(MatchDecision.Linked, Matcher.Match(new FacilityRecord("row", name, address, country)).Decision);

    [Fact]
    public void Twenty_thousand_numbered_facilities_stay_twenty_thousand_and_each_finds_itself_again()
    {
        // Forty groups of 500 numbered units, imported one after the other the way the importer adds new facilities.
        var index = new FacilityIndex();
        var matcher = new FacilityMatcher(index);
        var (created, reviews) = (0, 0);
        for (var group = 0; group < 40; group++)
        {
            for (var unit = 1; unit <= 500; unit++)
            {
                var record = new FacilityRecord($"g{group}u{unit}", $"Group {(char)('A' + (group % 26))}{group} Apparels Unit {unit}", $"Plot {group}, Ashulia Road, Savar, Dhaka", "BD");
                switch (matcher.Match(record).Decision)
                {
                    case MatchDecision.New:
                        created++;
                        index.Add(FacilityNormaliser.Normalise(record));
                        break;
                    case MatchDecision.NeedsReview:
                        reviews++;
                        break;
                }
            }
        }

        Assert.Equal((20_000, 0), (created, reviews));
        var again = Enumerable.Range(0, 2_000).Select(i => (Group: i % 40, Unit: 1 + (i * 37 % 500)))
            .Select(u => (Expected: $"g{u.Group}u{u.Unit}", Result: matcher.Match(new FacilityRecord("row", $"GROUP {(char)('A' + (u.Group % 26))}{u.Group} APPARELS LTD UNIT-{u.Unit}", $"Plot {u.Group}, Ashulia Rd, Savar, Dhaka", "BD"))))
            .Where(r => r.Result.Decision != MatchDecision.Linked || r.Result.FacilityId != r.Expected).ToList();
        Assert.Empty(again);
    }
}
