using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Knowledge.Library;

/// <summary>
/// The library's search as the public page's form, the Atom feed and the API give it (text, so a bad value is a
/// field-level problem, not a binding failure).
/// </summary>
public sealed record LibraryFilter
{
    /// <summary>Words in any language, found in the title, summary, text or attached PDF.</summary>
    public string? Q { get; init; }

    /// <summary>SocialDialogue, GenderEquality, Productivity or Environment.</summary>
    public string? Theme { get; init; }

    /// <summary>A country the document is about, as an ISO code or a name.</summary>
    public string? Country { get; init; }

    /// <summary>The language it is written in (en, bn, hi, km, vi, zh-Hans…).</summary>
    public string? Language { get; init; }

    /// <summary>Research, GoodPractice, Tool or Guidance.</summary>
    public string? Kind { get; init; }

    /// <summary>Workers, Unions, Employers, Brands, Governments or Researchers.</summary>
    public string? Audience { get; init; }

    /// <summary>yes: only documents with figures by sex.</summary>
    public string? Gender { get; init; }

    public string? Page { get; init; }

    /// <summary>How many results a page holds: 1 to 100.</summary>
    public string? Size { get; init; }

    /// <summary>The query; throws a field-level RuleViolation for a value that is not one.</summary>
    public LibraryQuery Parse(int defaultSize = LibraryQuery.DefaultSize)
    {
        var filter = new ListFilter();
        var theme = filter.Enum<KnowledgeTheme>(Theme, "theme");
        var country = filter.Country(Country, "country");
        var language = filter.Choice(Language, "language", [.. LibraryService.Languages.Select(l => l.ToLowerInvariant())]);
        var kind = filter.Enum<DocumentKind>(Kind, "kind");
        var audience = filter.Enum<Audience>(Audience, "audience");
        var gender = filter.YesNo(Gender, "gender");
        var page = filter.Number(Page, "page", 1, 100_000);
        var size = filter.Number(Size, "size", 1, LibraryQuery.MaxSize);
        filter.ThrowIfAny();
        var culture = language is null ? null : LibraryService.Languages.First(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
        return new(Q, theme, country, culture, kind, audience, gender == true ? true : null, page ?? 1, size ?? defaultSize);
    }

    /// <summary>The filter as a query string (without the page), for the pager and the feed link.</summary>
    public string ToQueryString() =>
        ListPage.Query(("q", Q), ("theme", Theme), ("country", Country), ("language", Language), ("kind", Kind), ("audience", Audience), ("gender", Gender));
}
