using CommonThread.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CommonThread.Web.Knowledge.Library;

/// <summary>The four connected themes of the regional decent-work programme.</summary>
public enum KnowledgeTheme
{
    SocialDialogue,
    GenderEquality,
    Productivity,
    Environment,
}

public enum DocumentKind
{
    Research,
    GoodPractice,
    Tool,
    Guidance,
}

/// <summary>Who a document is written for.</summary>
public enum Audience
{
    Workers,
    Unions,
    Employers,
    Brands,
    Governments,
    Researchers,
}

/// <summary>What a reader may do with a document: reuse depends on it, so it is stated, never assumed.</summary>
public enum Licence
{
    CcBy,
    CcBySa,
    CcByNc,
    CcByNcNd,
    PublicDomain,
    AllRightsReserved,
}

/// <summary>
/// A piece of research, a good practice, a tool or guidance in the public library: readable by anyone without an
/// account once published, so it holds nothing confidential. Its words are kept a second time as search words
/// (<see cref="SearchWords"/>), the same on both databases, so search behaves alike in every language.
/// </summary>
public sealed class LibraryDocument
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 2000;
    public const int TextMaxLength = 200_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PublisherOrganisationId { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string Text { get; init; }

    /// <summary>The language it is written in, one of the platform's languages.</summary>
    public required string Language { get; init; }

    public DocumentKind Kind { get; init; }

    public Licence Licence { get; init; }

    /// <summary>It holds figures by sex (or gender): the programme asks for such data to be findable.</summary>
    public bool GenderData { get; init; }

    public DateOnly PublishedOn { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    /// <summary>The attached PDF's name, if there is one (its bytes are in <see cref="LibraryFile"/>).</summary>
    public string? FileName { get; init; }

    /// <summary>The title's search words, weighted above the rest.</summary>
    public required string TitleWords { get; init; }

    /// <summary>The search words of the summary, the text and the attached PDF's text.</summary>
    public required string BodyWords { get; init; }
}

/// <summary>A theme, country or audience of a document, as "theme:GenderEquality", "country:BD", "audience:Unions": one indexed table filters them all.</summary>
public sealed class LibraryTag
{
    public Guid DocumentId { get; init; }

    public required string Tag { get; init; }

    public static string Theme(KnowledgeTheme theme) => $"theme:{theme}";

    public static string Country(string code) => $"country:{code}";

    public static string For(Audience audience) => $"audience:{audience}";
}

/// <summary>The PDF attached to a document, apart so lists never load it.</summary>
public sealed class LibraryFile
{
    public Guid DocumentId { get; init; }

    public required byte[] Bytes { get; init; }
}

internal sealed class LibraryDocumentConfiguration : IEntityTypeConfiguration<LibraryDocument>
{
    /// <summary>PostgreSQL's text-search vector, kept by the database from the search words: the title weighs most.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<LibraryDocument> b)
    {
        b.ToTable("LibraryDocuments");
        b.Property(d => d.Title).HasMaxLength(LibraryDocument.TitleMaxLength);
        b.Property(d => d.Summary).HasMaxLength(LibraryDocument.SummaryMaxLength);
        b.Property(d => d.Language).HasMaxLength(16);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Licence).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(d => new { d.PublishedOn, d.Id });
        b.HasIndex(d => d.PublisherOrganisationId);
        b.HasIndex(d => new { d.Language, d.PublishedOn });
        if (b.IsNpgsql())
        {
            // The 'simple' configuration neither stems nor drops words: the search words are already cut for every
            // script (SearchWords), and a stemmer for one language would mangle the others.
            b.Property<NpgsqlTsVector>(SearchVector)
                .HasComputedColumnSql("""setweight(to_tsvector('simple', "TitleWords"), 'A') || setweight(to_tsvector('simple', "BodyWords"), 'D')""", stored: true);
            b.HasIndex(SearchVector).HasMethod("GIN");
        }
    }
}

internal sealed class LibraryTagConfiguration : IEntityTypeConfiguration<LibraryTag>
{
    public void Configure(EntityTypeBuilder<LibraryTag> b)
    {
        b.ToTable("LibraryTags");
        b.HasKey(t => new { t.DocumentId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(64);
        b.HasIndex(t => new { t.Tag, t.DocumentId });
        b.HasOne<LibraryDocument>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LibraryFileConfiguration : IEntityTypeConfiguration<LibraryFile>
{
    public void Configure(EntityTypeBuilder<LibraryFile> b)
    {
        b.ToTable("LibraryFiles");
        b.HasKey(f => f.DocumentId);
        b.HasOne<LibraryDocument>().WithOne().HasForeignKey<LibraryFile>(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
