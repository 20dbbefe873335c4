using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Tests.Platform;

public sealed partial class LocalizationSpecs
{
    private static Dictionary<string, string> Read(string culture) => Read(typeof(Shell), culture);

    private static Dictionary<string, string> Read(Type resource, string culture)
    {
        var manager = new ResourceManager(resource);
        var set = manager.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : new CultureInfo(culture), createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Every_shell_language_translates_every_text()
    {
        var neutral = Read("");
        foreach (var (culture, _) in LocalizationRegistration.ShellLanguages.Where(l => l.Culture != "en"))
        {
            var translated = Read(culture);
            var missing = neutral.Keys.Where(k => string.IsNullOrWhiteSpace(translated.GetValueOrDefault(k))).ToList();
            Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(" | ", missing)}");
            var broken = neutral.Where(e => Placeholders().Matches(e.Value).Count != Placeholders().Matches(translated[e.Key]).Count).Select(e => e.Key).ToList();
            Assert.True(broken.Count == 0, $"Shell.{culture}.resx changes the {{0}} placeholders of: {string.Join(" | ", broken)}");
            var english = neutral.Keys.Count(k => translated[k] == neutral[k]);
            Assert.True(english < neutral.Count / 20, $"Shell.{culture}.resx leaves {english} of {neutral.Count} texts in English");
        }
    }

    [Fact]
    public void The_staff_UI_speaks_every_language_the_workers_do()
    {
        var staff = LocalizationRegistration.ShellLanguages.Select(l => l.Culture).ToHashSet();
        var missing = CommonThread.Web.Grievances.Intake.Languages.Select(l => l.Culture).Where(c => !staff.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"the staff UI is not in: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_text_a_page_asks_for_is_in_the_resource_file()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CommonThread.Web");
        var keys = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 50, $"found only {keys.Count} keys under {source}");

        var neutral = Read("");
        Assert.All(keys, k => Assert.True(neutral.ContainsKey(k), $"Shell.resx lacks \"{k}\""));
    }

    [Fact]
    public void Every_phrase_template_is_in_the_resource_file_in_every_language()
    {
        var (templates, notLiteral) = PhraseTemplates.CollectFromSources();
        Assert.True(templates.Count > 30, $"found only {templates.Count} phrase templates");
        Assert.True(notLiteral == 0, $"{notLiteral} Phrase.Of calls are given a template that is not a literal, which this check cannot read");

        var untranslated = PhraseTemplates.Untranslated(templates, Read(""), Translations());
        Assert.True(untranslated.Count == 0, $"phrase templates without every translation in Shell*.resx: {string.Join(" | ", untranslated)}");
    }

    [Fact]
    public void Every_refusal_message_is_a_literal_in_the_resource_file_in_every_language()
    {
        var (templates, notLiteral) = PhraseTemplates.Refusals(PhraseTemplates.Sources());
        Assert.True(templates.Count > 150, $"found only {templates.Count} refusal messages");
        Assert.True(notLiteral.Count == 0, $"refusals whose message is not a literal or Phrase.Of (give values through Phrase.Of(\"… {{0}} …\", value)):\n{string.Join("\n", notLiteral)}");

        var untranslated = PhraseTemplates.Untranslated(templates, Read(""), Translations());
        Assert.True(untranslated.Count == 0, $"{untranslated.Count} refusal messages without every translation in Shell*.resx:\n{string.Join("\n", untranslated)}");
    }

    private static List<IReadOnlyDictionary<string, string>> Translations() =>
        [.. LocalizationRegistration.ShellLanguages.Where(l => l.Culture != "en").Select(l => (IReadOnlyDictionary<string, string>)Read(l.Culture))];

    [Theory]
    [InlineData(typeof(CommonThread.Web.Grievances.Intake), 60)]
    [InlineData(typeof(CommonThread.Web.Homework.PassbookText), 15)]
    public void Every_worker_language_translates_every_text_a_worker_reads(Type resource, int atLeast)
    {
        var name = resource.Name;
        var neutral = Read(resource, "");
        Assert.True(neutral.Count >= atLeast, $"{name}.resx has only {neutral.Count} texts");
        Assert.True(CommonThread.Web.Grievances.Intake.Languages.Count >= 14);
        foreach (var (culture, _) in CommonThread.Web.Grievances.Intake.Languages.Where(l => l.Culture != "en"))
        {
            var translated = Read(resource, culture);
            var missing = neutral.Keys.Where(k => string.IsNullOrWhiteSpace(translated.GetValueOrDefault(k))).ToList();
            Assert.True(missing.Count == 0, $"{name}.{culture}.resx lacks: {string.Join(" | ", missing)}");
            var broken = neutral.Where(e => Placeholders().Matches(e.Value).Count != Placeholders().Matches(translated[e.Key]).Count).Select(e => e.Key).ToList();
            Assert.True(broken.Count == 0, $"{name}.{culture}.resx changes the {{0}} placeholders of: {string.Join(" | ", broken)}");
            Assert.True(neutral.Keys.Count(k => translated[k] != neutral[k]) > neutral.Count / 2, $"{name}.{culture}.resx is mostly English");
        }
    }

    [Fact]
    public void Every_text_a_worker_page_asks_for_is_in_the_intake_file()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CommonThread.Web", "Grievances", "Pages");
        var keys = Directory.EnumerateFiles(source, "*.razor")
            .SelectMany(f => WorkerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !DynamicPrefix().IsMatch(k))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 30, $"found only {keys.Count} keys under {source}");

        var neutral = Read(typeof(CommonThread.Web.Grievances.Intake), "");
        Assert.All(keys, k => Assert.True(neutral.ContainsKey(k), $"Intake.resx lacks \"{k}\""));
    }

    [GeneratedRegex("T(?:\\[\"(?<key>[^\"]+)\"\\]|\\.Plural\\(\"(?<key>[^\"]+)\",)")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("\\bL\\[\"([^\"]+)\"\\]")]
    private static partial Regex WorkerKey();

    /// <summary>"category." in L["category." + c]: the rest of the key is the enum value.</summary>
    [GeneratedRegex("^[a-z]+\\.$")]
    private static partial Regex DynamicPrefix();

    [GeneratedRegex("\\{[0-9]\\}")]
    private static partial Regex Placeholders();
}
