using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommonThread.Web.Knowledge.Library;

public sealed record LibraryInput
{
    [Required, StringLength(LibraryDocument.TitleMaxLength)] public string Title { get; init; } = "";

    [Required, StringLength(LibraryDocument.SummaryMaxLength)] public string Summary { get; init; } = "";

    /// <summary>The document's text; may be left out when a PDF with a text layer is attached.</summary>
    [StringLength(LibraryDocument.TextMaxLength)] public string? Text { get; init; }

    /// <summary>The language it is written in: en, bn, hi, km, vi, zh-Hans and the platform's other languages.</summary>
    [Required] public string Language { get; init; } = "";

    [Required] public DocumentKind? Kind { get; init; }

    [Required] public Licence? Licence { get; init; }

    public List<KnowledgeTheme>? Themes { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries it is about.</summary>
    public List<string>? Countries { get; init; }

    public List<Audience>? Audiences { get; init; }

    public bool GenderData { get; init; }

    /// <summary>When it was first published, where that was not here; today when left out.</summary>
    public DateOnly? PublishedOn { get; init; }
}

/// <summary>What a reader asks the library: words (any language) and filters, newest first when there are no words.</summary>
public sealed record LibraryQuery(string? Q = null, KnowledgeTheme? Theme = null, string? Country = null, string? Language = null, DocumentKind? Kind = null,
    Audience? Audience = null, bool? GenderData = null, int Page = 1, int Size = LibraryQuery.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
}

/// <summary>A document as the library lists and shows it.</summary>
public sealed record LibraryEntry(Guid Id, string Title, string Summary, string Language, DocumentKind Kind, Licence Licence, bool GenderData, DateOnly PublishedOn,
    string Publisher, IReadOnlyList<KnowledgeTheme> Themes, IReadOnlyList<string> Countries, IReadOnlyList<Audience> Audiences, string? FileName);

/// <summary>A page of results; with More, Total is the most a search ranks (<see cref="LibrarySearchIndex.RankLimit"/>) and more documents match.</summary>
public sealed record LibraryResults(IReadOnlyList<LibraryEntry> Items, int Total, int Page, int Size, bool More = false);

/// <summary>
/// The public knowledge library. Anyone reads it, without an account; initiatives and unions publish to it (their
/// editors), since it is where their research and guidance reach the sector. Nothing in it is confidential: a
/// publisher is told so on the form, and a document names only its publishing organisation.
/// </summary>
public sealed class LibraryService(AppDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore pages, IMemoryCache memory)
{
    /// <summary>Who may publish: the programme's knowledge comes from initiatives and the tripartite constituents (unions, governments, employers' organisations).</summary>
    public static readonly OrganisationKind[] Publishers = [OrganisationKind.Initiative, OrganisationKind.Union, OrganisationKind.Government, OrganisationKind.EmployerOrganisation];

    /// <summary>The tag of the library's publicly cached pages, evicted when a document is published.</summary>
    public const string CacheTag = "library";

    private const string CountriesKey = "library:countries";

    public static RuleViolation PdfTooLarge() => new("file", "Attach the document as a PDF of up to 10 MB.");

    public static bool MayPublish(OrganisationAccess access) => Publishers.Contains(access.Organisation.Kind) && access.Allows(MemberRole.Editor);

    public static IEnumerable<string> Languages => LocalizationRegistration.ShellLanguages.Select(l => l.Culture);

    public async Task<LibraryResults> SearchAsync(LibraryQuery query, CancellationToken ct)
    {
        var size = Math.Clamp(query.Size, 1, LibraryQuery.MaxSize);
        var page = Math.Max(1, query.Page);
        var skip = (page - 1) * size;
        var documents = Filtered(query);
        var words = SearchWords.OfQuery(query.Q);
        IReadOnlyList<Guid> ids;
        int total;
        var more = false;
        if (words.Count == 0)
        {
            total = await documents.CountAsync(ct);
            ids = await documents.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Skip(skip).Take(size).Select(d => d.Id).ToListAsync(ct);
        }
        else
        {
            (ids, total, more) = await LibrarySearchIndex.MatchAsync(db, documents, words, skip, size, ct);
        }

        var entries = await EntriesAsync(ids, ct);
        // A document removed between the two reads is left out rather than failing the search.
        return new([.. ids.Where(entries.ContainsKey).Select(id => entries[id])], total, page, size, more);
    }

    public async Task<(LibraryEntry Entry, string Text)> FindAsync(Guid documentId, CancellationToken ct)
    {
        var text = await db.Set<LibraryDocument>().Where(d => d.Id == documentId).Select(d => d.Text).SingleOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("document");
        return ((await EntriesAsync([documentId], ct))[documentId], text);
    }

    public async Task<(string FileName, byte[] Bytes)> FileAsync(Guid documentId, CancellationToken ct)
    {
        var file = await (from d in db.Set<LibraryDocument>()
                          join f in db.Set<LibraryFile>() on d.Id equals f.DocumentId
                          where d.Id == documentId
                          select new { d.FileName, f.Bytes }).SingleOrDefaultAsync(ct) ?? throw RuleViolation.NotFound("file");
        return (file.FileName ?? "document.pdf", file.Bytes);
    }

    /// <summary>Publishes a document, with its PDF if one is attached: the PDF's text is searched as the document's own.</summary>
    /// <param name="alongside">Changes the caller makes with the new document's id, saved in the same transaction (a reviewed paper marked published).</param>
    public async Task<LibraryEntry> PublishAsync(OrganisationAccess access, LibraryInput input, (string Name, byte[] Bytes)? file, CancellationToken ct,
        Func<Guid, Task>? alongside = null)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Only an initiative, a union, a government or an employers' organisation publishes to the library."), Publishers);
        var errors = new Dictionary<string, string[]>();
        if (TextInput.OrNull(input.Title) is not { Length: <= LibraryDocument.TitleMaxLength })
        {
            errors["title"] = ["Give the title, of up to 300 characters."];
        }

        if (TextInput.OrNull(input.Summary) is not { Length: <= LibraryDocument.SummaryMaxLength })
        {
            errors["summary"] = ["Give a summary, of up to 2,000 characters."];
        }

        if (input.Text is { Length: > LibraryDocument.TextMaxLength })
        {
            errors["text"] = ["The text is longer than 200,000 characters: attach it as a PDF instead."];
        }

        if (input.Kind is null)
        {
            errors["kind"] = ["Say what kind of document it is."];
        }

        if (input.Licence is null)
        {
            errors["licence"] = ["Say under which licence others may use it."];
        }

        if (!Languages.Contains(input.Language, StringComparer.Ordinal))
        {
            errors["language"] = ["Choose the language the document is written in."];
        }

        var countries = (input.Countries ?? []).Select(c => Countries.IsKnown(c) ? Countries.Normalise(c)! : "").ToList();
        if (countries.Any(c => c.Length == 0))
        {
            errors["countries"] = ["Choose countries from the list."];
        }

        if (input.Themes is not { Count: > 0 })
        {
            errors["themes"] = ["Choose at least one theme."];
        }

        if (string.IsNullOrWhiteSpace(input.Text) && file is null)
        {
            errors["text"] = ["Give the document's text, or attach it as a PDF."];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.PublishedOn is { } on && (on > today || on.Year < 1900))
        {
            errors["publishedOn"] = ["Give the date it was published, not a future one."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The document cannot be published as it is: see each field.");
        }

        string? fileName = null;
        var fileText = "";
        if (file is { } attached)
        {
            fileName = AttachedDocument.Checked(attached.Name, attached.Bytes, "a document");
            if (FileSignature.TypeOf(attached.Bytes) != FileSignature.Pdf)
            {
                throw new RuleViolation("file", "Attach the document as a PDF.");
            }

            fileText = PdfText.Of(attached.Bytes, LibraryDocument.TextMaxLength);
        }

        var text = string.IsNullOrWhiteSpace(input.Text) ? fileText : input.Text.Trim();
        var document = new LibraryDocument
        {
            PublisherOrganisationId = access.Organisation.Id, Title = input.Title.Trim(), Summary = input.Summary.Trim(), Text = text, Language = input.Language,
            Kind = input.Kind!.Value, Licence = input.Licence!.Value, GenderData = input.GenderData, PublishedOn = input.PublishedOn ?? today, AddedAt = clock.GetUtcNow(),
            FileName = fileName, TitleWords = SearchWords.Joined(input.Title),
            BodyWords = SearchWords.Joined(string.Join('\n', input.Summary, text, ReferenceEquals(text, fileText) ? "" : fileText)),
        };
        var tags = input.Themes!.Distinct().Select(LibraryTag.Theme)
            .Concat(countries.Distinct(StringComparer.Ordinal).Select(LibraryTag.Country))
            .Concat((input.Audiences ?? []).Distinct().Select(LibraryTag.For));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(document);
        db.AddRange(tags.Select(t => new LibraryTag { DocumentId = document.Id, Tag = t }));
        if (file is { } pdf)
        {
            db.Add(new LibraryFile { DocumentId = document.Id, Bytes = pdf.Bytes });
        }

        audit.Record(access.Organisation.Id, "library.published", $"{document.Kind}: {document.Title}");
        if (alongside is not null)
        {
            await alongside(document.Id);
        }

        await db.SaveChangesAsync(ct);
        await LibrarySearchIndex.AddAsync(db, document, ct);
        await transaction.CommitAsync(ct);
        await ForgetCachedAsync(ct);
        return (await EntriesAsync([document.Id], ct))[document.Id];
    }

    /// <summary>
    /// Withdraws a document the organisation published (a mistake, someone's personal data, a version replaced): it leaves
    /// the public library, its feeds and its search at once, with its PDF; the audit log keeps that it was there.
    /// </summary>
    public async Task WithdrawAsync(OrganisationAccess access, Guid documentId, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var document = await db.Set<LibraryDocument>().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw RuleViolation.NotFound("document");
        if (document.PublisherOrganisationId != access.Organisation.Id)
        {
            throw new RuleViolation("document", Phrase.Of("Only the organisation that published a document withdraws it."), StatusCodes.Status403Forbidden);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Remove(document);
        audit.Record(access.Organisation.Id, "library.withdrawn", $"{document.Kind}: {document.Title}");
        await db.SaveChangesAsync(ct);
        await LibrarySearchIndex.RemoveAsync(db, documentId, ct);
        await transaction.CommitAsync(ct);
        await ForgetCachedAsync(ct);
    }

    /// <summary>The organisation's own documents, newest first, for its editors to withdraw.</summary>
    public async Task<LibraryResults> PublishedByAsync(Guid organisationId, int page, CancellationToken ct)
    {
        const int size = LibraryQuery.DefaultSize;
        page = Math.Max(1, page);
        var own = db.Set<LibraryDocument>().AsNoTracking().Where(d => d.PublisherOrganisationId == organisationId);
        var total = await own.CountAsync(ct);
        var ids = await own.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Skip((page - 1) * size).Take(size).Select(d => d.Id).ToListAsync(ct);
        var entries = await EntriesAsync(ids, ct);
        return new([.. ids.Where(entries.ContainsKey).Select(id => entries[id])], total, page, size);
    }

    /// <summary>The countries documents are about, for the filter's choices.</summary>
    /// <remarks>Kept for a few minutes: reading them walks every country tag, and they change only when a document is published.</remarks>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken ct) =>
        await memory.GetOrCreateAsync(CountriesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return (IReadOnlyList<string>)[.. (await db.Set<LibraryTag>().Where(t => t.Tag.StartsWith("country:")).Select(t => t.Tag).Distinct().ToListAsync(ct)).Select(t => t["country:".Length..])];
        }) ?? [];

    /// <summary>After a document is published or withdrawn: the cached public pages and the countries' choices are read anew.</summary>
    private async Task ForgetCachedAsync(CancellationToken ct)
    {
        await pages.EvictByTagAsync(CacheTag, ct);
        memory.Remove(CountriesKey);
    }

    private IQueryable<LibraryDocument> Filtered(LibraryQuery query)
    {
        var documents = db.Set<LibraryDocument>().AsNoTracking();
        var tags = db.Set<LibraryTag>();
        foreach (var tag in TagsOf(query))
        {
            documents = documents.Where(d => tags.Any(t => t.DocumentId == d.Id && t.Tag == tag));
        }

        if (query.Language is { } language)
        {
            documents = documents.Where(d => d.Language == language);
        }

        if (query.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (query.GenderData is { } genderData)
        {
            documents = documents.Where(d => d.GenderData == genderData);
        }

        return documents;
    }

    private static IEnumerable<string> TagsOf(LibraryQuery query)
    {
        if (query.Theme is { } theme)
        {
            yield return LibraryTag.Theme(theme);
        }

        if (query.Country is { } country)
        {
            yield return LibraryTag.Country(country);
        }

        if (query.Audience is { } audience)
        {
            yield return LibraryTag.For(audience);
        }
    }

    private async Task<Dictionary<Guid, LibraryEntry>> EntriesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var documents = await (from d in db.Set<LibraryDocument>().AsNoTracking()
                               join o in db.Set<Organisation>() on d.PublisherOrganisationId equals o.Id
                               where list.Contains(d.Id)
                               select new { d.Id, d.Title, d.Summary, d.Language, d.Kind, d.Licence, d.GenderData, d.PublishedOn, Publisher = o.Name, d.FileName })
            .ToListAsync(ct);
        var tags = (await db.Set<LibraryTag>().AsNoTracking().Where(t => list.Contains(t.DocumentId)).ToListAsync(ct)).ToLookup(t => t.DocumentId, t => t.Tag);
        return documents.ToDictionary(d => d.Id, d => new LibraryEntry(d.Id, d.Title, d.Summary, d.Language, d.Kind, d.Licence, d.GenderData, d.PublishedOn, d.Publisher,
            [.. Values<KnowledgeTheme>(tags[d.Id], "theme:")], [.. tags[d.Id].Where(t => t.StartsWith("country:", StringComparison.Ordinal)).Select(t => t["country:".Length..]).Order(StringComparer.Ordinal)],
            [.. Values<Audience>(tags[d.Id], "audience:")], d.FileName));
    }

    private static IEnumerable<T> Values<T>(IEnumerable<string> tags, string prefix) where T : struct, Enum =>
        tags.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => Enum.TryParse<T>(t[prefix.Length..], out var v) ? v : (T?)null)
            .OfType<T>().Order();
}
