using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

public sealed record CbaInput
{
    [Required, StringLength(CollectiveAgreement.TitleMaxLength)] public string Title { get; init; } = "";

    [Required] public AgreementLevel? Level { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, or the country's name.</summary>
    [Required] public string Country { get; init; } = "";

    /// <summary>The workplace, for a facility-level agreement.</summary>
    public Guid? FacilityId { get; init; }

    [StringLength(CollectiveAgreement.NameMaxLength)] public string? Sector { get; init; }

    /// <summary>The language of the text, as a BCP 47 tag (bn, km, zh-Hans…).</summary>
    public string? Language { get; init; }

    public DateOnly? SignedOn { get; init; }

    [Required] public DateOnly? StartsOn { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    public int? WorkersCovered { get; init; }

    public int? WomenCovered { get; init; }

    [StringLength(CollectiveAgreement.TextMaxLength)] public string? Text { get; init; }

    /// <summary>Readable by anyone without an account. A facility's agreement is made public only by a union party to it.</summary>
    public bool Public { get; init; }

    public List<CbaPartyInput>? Parties { get; init; }

    public List<CbaClauseInput>? Clauses { get; init; }
}

/// <param name="OrganisationId">The party's organisation on the platform: it confirms it is party before the register says so.</param>
public sealed record CbaPartyInput(AgreementSide? Side, string? Name, Guid? OrganisationId = null);

public sealed record CbaClauseInput(ClauseTopic? Topic, string? Reference, string? Text);

public sealed record CbaPartyEntry(Guid Id, AgreementSide Side, string Name, Guid? OrganisationId, bool Confirmed);

public sealed record CbaClauseEntry(ClauseTopic Topic, string? Reference, string? Text);

/// <summary>An agreement as the register lists it.</summary>
public sealed record CbaEntry(Guid Id, string Title, AgreementLevel Level, string Country, Guid? FacilityId, string? FacilityName, string? Sector,
    string? Language, DateOnly? SignedOn, DateOnly StartsOn, DateOnly? ExpiresOn, bool InForce, int? WorkersCovered, int? WomenCovered, bool Public,
    AgreementSource Source, string RecordedBy, IReadOnlyList<CbaPartyEntry> Parties, IReadOnlyList<ClauseTopic> Topics);

/// <summary>An agreement whole: its text and its coded clauses.</summary>
public sealed record CbaDocument(CbaEntry Agreement, string? Text, IReadOnlyList<CbaClauseEntry> Clauses);

public sealed record CbaQuery(string? Q = null, string? Country = null, AgreementLevel? Level = null, ClauseTopic? Topic = null, bool? InForce = null,
    Guid? FacilityId = null, int Page = 1, int Size = CbaQuery.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
}

public sealed record CbaResults(IReadOnlyList<CbaEntry> Items, int Total, int Page, int Size);

/// <summary>What the register's page and API are asked, as text, so a bad value is a field-level problem.</summary>
public sealed record CbaFilter
{
    /// <summary>Words of the title, the sector or a party's name.</summary>
    public string? Q { get; init; }

    public string? Country { get; init; }

    /// <summary>Facility, Company, Sector or National.</summary>
    public string? Level { get; init; }

    /// <summary>Agreements with a clause on this topic (Wages, WorkingTime, Leave, GenderEqualityAndMaternity…).</summary>
    public string? Topic { get; init; }

    /// <summary>yes: in force today; no: expired or not yet started.</summary>
    public string? InForce { get; init; }

    public string? Facility { get; init; }

    public string? Page { get; init; }

    public string? Size { get; init; }

    public CbaQuery Parse()
    {
        var filter = new ListFilter();
        var country = filter.Country(Country, "country");
        var level = filter.Enum<AgreementLevel>(Level, "level");
        var topic = filter.Enum<ClauseTopic>(Topic, "topic");
        var inForce = filter.YesNo(InForce, "inForce");
        var facility = filter.Id(Facility, "facility");
        var page = filter.Number(Page, "page", 1, 100_000);
        var size = filter.Number(Size, "size", 1, CbaQuery.MaxSize);
        filter.ThrowIfAny();
        return new(Q, country, level, topic, inForce, facility, page ?? 1, size ?? CbaQuery.DefaultSize);
    }

    public string ToQueryString() =>
        ListPage.Query(("q", Q), ("country", Country), ("level", Level), ("topic", Topic), ("inForce", InForce), ("facility", Facility));
}
