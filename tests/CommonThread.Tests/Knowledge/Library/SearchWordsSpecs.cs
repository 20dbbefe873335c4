using CommonThread.Web.Knowledge.Library;

namespace CommonThread.Tests.Knowledge.Library;

/// <summary>How text is cut into the words search compares, in the scripts the platform's users write.</summary>
public sealed class SearchWordsSpecs
{
    [Fact]
    public void Latin_words_are_lower_cased_and_keep_their_diacritics()
    {
        Assert.Equal(["công", "đoàn", "cơ", "sở"], SearchWords.Of("Công đoàn CƠ SỞ."));
        Assert.Equal(["women", "s", "leadership", "2026"], SearchWords.Of("Women's leadership, 2026!"));
    }

    [Fact]
    public void A_vowel_sign_stays_inside_its_bengali_or_devanagari_word()
    {
        Assert.Equal(["শ্রমিক", "ইউনিয়ন"], SearchWords.Of("শ্রমিক ইউনিয়ন।"));
        Assert.Equal(["श्रमिक", "संघ"], SearchWords.Of("श्रमिक, संघ"));
    }

    [Fact]
    public void Chinese_is_cut_into_every_two_neighbouring_characters_so_any_word_of_two_is_found()
    {
        Assert.Equal(["工会", "会代", "代表"], SearchWords.Of("工会代表"));
        Assert.Equal(["工会", "代表"], SearchWords.Of("工会，代表"));
        Assert.Equal(["劳"], SearchWords.Of("劳"));
    }

    [Fact]
    public void Khmer_is_cut_into_neighbouring_clusters_and_its_punctuation_separates()
    {
        var words = SearchWords.Of("សហជីព។ស្ត្រី");
        Assert.DoesNotContain(words, w => w.Contains('។', StringComparison.Ordinal));
        Assert.Contains(words, w => w.StartsWith("ស", StringComparison.Ordinal));
        Assert.True(words.Count >= 3, string.Join(" | ", words));
    }

    [Fact]
    public void A_chinese_word_inside_latin_text_is_cut_apart_from_it()
    {
        Assert.Equal(["cba", "集体", "体合", "合同", "text"], SearchWords.Of("CBA集体合同text"));
    }

    [Fact]
    public void A_query_keeps_its_first_distinct_words_only()
    {
        var query = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"));
        Assert.Equal(SearchWords.MaxQueryWords, SearchWords.OfQuery(query).Count);
        Assert.Equal(["union"], SearchWords.OfQuery("union UNION Union"));
        Assert.Empty(SearchWords.OfQuery(" ,.;!? "));
    }

    [Fact]
    public void A_word_matches_as_a_beginning_but_a_pair_of_unspaced_characters_matches_whole()
    {
        Assert.True(SearchWords.MatchesAsPrefix("organis"));
        Assert.True(SearchWords.MatchesAsPrefix("শ্রমিক"));
        Assert.True(SearchWords.MatchesAsPrefix("劳"));
        Assert.False(SearchWords.MatchesAsPrefix("工会"));
        Assert.False(SearchWords.MatchesAsPrefix(SearchWords.Of("ប្រាក់")[0]));
    }
}
