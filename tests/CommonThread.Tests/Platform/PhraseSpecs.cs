using System.Globalization;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommonThread.Tests.Platform;

public sealed class PhraseSpecs
{
    private static readonly IStringLocalizer<Shell> Text =
        new StringLocalizer<Shell>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    [Fact]
    public void A_notice_keeps_its_template_and_values_and_dates_read_the_same_everywhere()
    {
        var notice = Phrase.Of("Case {0} is overdue: it was to be acknowledged by {1}.", "GR-AB12", new DateOnly(2026, 3, 4));

        Assert.Equal("Case {0} is overdue: it was to be acknowledged by {1}.", notice.Template);
        Assert.Equal(["GR-AB12", "2026-03-04"], notice.Arguments);
        Assert.Equal("Case GR-AB12 is overdue: it was to be acknowledged by 2026-03-04.", notice.English);
        Assert.Equal("[\"GR-AB12\",\"2026-03-04\"]", notice.ArgumentsJson);
    }

    [Fact]
    public void A_stored_notice_is_said_in_the_reader_s_language_and_falls_back_to_its_stored_text()
    {
        var notice = Phrase.Of("A party was added to case {0}.", "GR-AB12");
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("bn");
            Assert.Equal("কেস GR-AB12-এ একটি পক্ষ যোগ করা হয়েছে।", Phrase.Say(Text, notice.Template, notice.ArgumentsJson, notice.English));
            Assert.Equal("Old text", Phrase.Say(Text, null, null, "Old text"));
            Assert.Equal("Old text", Phrase.Say(Text, "A template no resource knows {0}.", "[\"x\"]", "Old text"));
            Assert.Equal("Old text", Phrase.Say(Text, notice.Template, "not json", "Old text"));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("A party was added to case GR-AB12.", Phrase.Say(Text, notice.Template, notice.ArgumentsJson, notice.English));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void The_template_collector_finds_every_notice_and_a_template_without_translations_is_caught()
    {
        const string source = """
            await notifier.TellAsync(ids, Phrase.Of("A party was added to case {0}.", reference), link, ct);
            var text = urgent
                ? Phrase.Of(
                    "A notice nobody translated about {0}.", name)
                : Phrase.Of(template, name);
            """;
        var neutral = new Dictionary<string, string> { ["A party was added to case {0}."] = "A party was added to case {0}." };
        var bengali = new Dictionary<string, string> { ["A party was added to case {0}."] = "কেস {0}-এ একটি পক্ষ যোগ করা হয়েছে।" };

        var (templates, notLiteral) = PhraseTemplates.Collect([source]);
        var untranslated = PhraseTemplates.Untranslated(templates, neutral, [bengali]);
        var blank = PhraseTemplates.Untranslated(["A party was added to case {0}."], neutral, [new Dictionary<string, string> { ["A party was added to case {0}."] = " " }]);

        Assert.Equal(["A party was added to case {0}.", "A notice nobody translated about {0}."], templates);
        Assert.Equal(1, notLiteral);
        Assert.Equal(["A notice nobody translated about {0}."], untranslated);
        Assert.Equal(["A party was added to case {0}."], blank);
    }
}
