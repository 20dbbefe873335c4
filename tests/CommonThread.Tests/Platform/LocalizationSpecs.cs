using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Tests.Platform;

public sealed partial class LocalizationSpecs
{
    private static Dictionary<string, string> Read(string culture)
    {
        var manager = new ResourceManager(typeof(Shell));
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
        }
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

    [GeneratedRegex("T\\[\"([^\"]+)\"\\]")]
    private static partial Regex LiteralKey();
}
