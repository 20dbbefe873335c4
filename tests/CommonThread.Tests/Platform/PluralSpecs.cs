using System.Globalization;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Tests.Platform;

/// <summary>Counted nouns take the form the language uses for the count (CLDR plural rules), never "1 facilities".</summary>
public sealed class PluralSpecs
{
    [Theory]
    [InlineData("en", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("en", 2, "other")]
    [InlineData("es", 1, "one")]
    [InlineData("es", 0, "other")]
    [InlineData("es", 1_000_000, "many")]
    [InlineData("bn", 0, "one")]
    [InlineData("bn", 1, "one")]
    [InlineData("bn", 2, "other")]
    [InlineData("hi", 0, "one")]
    [InlineData("am", 0, "one")]
    [InlineData("si", 0, "one")]
    [InlineData("si", 1, "one")]
    [InlineData("si", 2, "other")]
    [InlineData("ta", 0, "other")]
    [InlineData("ta", 1, "one")]
    [InlineData("ur", 1, "one")]
    [InlineData("ur", 0, "other")]
    [InlineData("tr", 1, "one")]
    [InlineData("tr", 5, "other")]
    [InlineData("id", 1, "other")]
    [InlineData("vi", 1, "other")]
    [InlineData("km", 1, "other")]
    [InlineData("my", 1, "other")]
    [InlineData("zh-Hans", 1, "other")]
    public void A_count_takes_its_languages_plural_category(string language, long count, string category) =>
        Assert.Equal(category, Plurals.Category(count, new CultureInfo(language)));

    private sealed class Texts(Dictionary<string, string> texts) : IStringLocalizer
    {
        public LocalizedString this[string name] => texts.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => texts.Select(t => new LocalizedString(t.Key, t.Value));
    }

    private static string InLanguage(string language, Func<string> write)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("en", 1, "1 facility on the map")]
    [InlineData("en", 0, "0 facilities on the map")]
    [InlineData("en", 7, "7 facilities on the map")]
    [InlineData("bn", 0, "0 facility on the map")]
    [InlineData("zh-Hans", 1, "1 facilities on the map")]
    public void The_text_for_a_count_is_its_form_or_else_the_plain_text(string language, long count, string expected)
    {
        var texts = new Texts(new() { ["{0} facilities on the map"] = "{0} facilities on the map", ["{0} facilities on the map|one"] = "{0} facility on the map" });

        Assert.Equal(expected, InLanguage(language, () => texts.Plural("{0} facilities on the map", count)));
    }

    [Fact]
    public void The_shell_has_the_singular_of_every_counted_text_it_shows_in_english_and_spanish()
    {
        string[] counted = ["{0} rows imported.", "{0} members", "{0} facilities on the map", "{0} facilities have no coordinates and are not on the map.", "{0} links confirmed.", "{0} links refused.", "History ({0} facts)"];
        foreach (var language in new[] { "en", "es" })
        {
            var set = new System.Resources.ResourceManager(typeof(Shell)).GetResourceSet(language == "en" ? CultureInfo.InvariantCulture : new CultureInfo(language), true, false)!;
            Assert.All(counted, key => Assert.False(string.IsNullOrEmpty(set.GetString(key + "|one")), $"{language} lacks {key}|one"));
        }
    }
}
