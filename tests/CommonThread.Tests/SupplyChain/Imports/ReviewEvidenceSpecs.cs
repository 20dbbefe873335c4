using System.Collections;
using System.Globalization;
using System.Resources;
using CommonThread.Matching;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain.Imports;

namespace CommonThread.Tests.SupplyChain.Imports;

public sealed class ReviewEvidenceSpecs
{
    [Fact]
    public void What_the_matcher_said_reads_back_disagreeing_parts_first_in_the_matchers_order_within_each_verdict()
    {
        var json = ReviewEvidence.Write(
        [
            new(EvidencePart.Name, Verdict.Agrees, 1, "rahima knit", "rahima knit"),
            new(EvidencePart.Address, Verdict.Partly, 0.6, "konabari", "plot 12 konabari"),
            new(EvidencePart.Postcode, Verdict.Missing, 0, "", "1700"),
            new(EvidencePart.UnitNumbers, Verdict.Differs, 0, "1", "2"),
            new(EvidencePart.RunnerUp, Verdict.Differs, 0.9, "", "rahima knit 3"),
        ]);

        var read = ReviewEvidence.Read(json)!;

        Assert.Equal([EvidencePart.UnitNumbers, EvidencePart.RunnerUp, EvidencePart.Address, EvidencePart.Name, EvidencePart.Postcode], read.Select(e => e.Part));
        Assert.Equal(new MatchEvidenceDto(EvidencePart.UnitNumbers, Verdict.Differs, 0, "1", "2"), read[0]);
        Assert.Contains("\"part\":\"UnitNumbers\",\"verdict\":\"Differs\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_or_verdict_this_build_does_not_know_is_left_out_and_nothing_recorded_reads_as_null()
    {
        var json = """[{"part":"Phone","verdict":"Agrees","score":1,"row":"1","candidate":"1"},{"part":"Name","verdict":"Unsure","score":0.5,"row":"a","candidate":"b"},{"part":"Address","verdict":"Partly","score":0.5,"row":"a","candidate":"b"}]""";

        var read = ReviewEvidence.Read(json)!;

        Assert.Equal(EvidencePart.Address, Assert.Single(read).Part);
        Assert.Null(ReviewEvidence.Read(null));
        Assert.Null(ReviewEvidence.Read(""));
    }

    public static TheoryData<string> ShellCultures() => new(LocalizationRegistration.ShellLanguages.Select(l => l.Culture == "en" ? "" : l.Culture));

    [Theory]
    [MemberData(nameof(ShellCultures))]
    public void Every_part_and_verdict_has_its_label_in_every_shell_language(string culture)
    {
        var manager = new ResourceManager(typeof(Shell));
        var set = manager.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : new CultureInfo(culture), createIfNotExists: true, tryParents: false)!;
        var texts = set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        var keys = Enum.GetNames<EvidencePart>().Select(p => "evidence." + p).Concat(Enum.GetNames<Verdict>().Select(v => "verdict." + v));

        var missing = keys.Where(k => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(k))).ToList();

        Assert.True(missing.Count == 0, $"Shell{(culture == "" ? "" : "." + culture)}.resx lacks {string.Join(", ", missing)}");
    }
}
