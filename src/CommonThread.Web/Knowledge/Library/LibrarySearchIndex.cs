using System.Collections.Concurrent;
using CommonThread.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CommonThread.Web.Knowledge.Library;

/// <summary>
/// Full-text matching and ranking of library documents by their search words: PostgreSQL's text search over the
/// stored vector (GIN index, cover-density rank, the title weighing most) or, in the embedded default, an SQLite
/// FTS5 table (BM25, the title weighing most). Every query word matches as a prefix ("organis" finds
/// "organising"), and all of them must match.
/// </summary>
public static class LibrarySearchIndex
{
    // The FTS5 table LibrarySearch is derived from the documents, so it is made (and filled) when missing rather than
    // migrated: EF's model cannot describe a virtual table.
    private static readonly ConcurrentDictionary<string, bool> Ready = new(StringComparer.Ordinal);

    /// <summary>Documents whose words match every query word, best first; <paramref name="documents"/> already filtered.</summary>
    public static async Task<(IReadOnlyList<Guid> Ids, int Total)> MatchAsync(AppDbContext db, IQueryable<LibraryDocument> documents, IReadOnlyList<string> words, int skip, int take, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var query = string.Join(" & ", words.Select(w => w + ":*"));
            var matching = documents.Where(d => EF.Property<NpgsqlTsVector>(d, LibraryDocumentConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery("simple", query)));
            var total = await matching.CountAsync(ct);
            var ids = await matching
                .OrderByDescending(d => EF.Property<NpgsqlTsVector>(d, LibraryDocumentConfiguration.SearchVector).RankCoverDensity(EF.Functions.ToTsQuery("simple", query)))
                .ThenByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id)
                .Skip(skip).Take(take).Select(d => d.Id).ToListAsync(ct);
            return (ids, total);
        }

        await EnsureAsync(db, ct);
        var match = string.Join(' ', words.Select(w => $"\"{w}\"*"));
        // bm25 is smaller for a better match; the first column is the document's id, not searched.
        var ranked = await db.Database.SqlQuery<RankedId>(
                $"SELECT DocumentId AS Id, bm25(LibrarySearch, 0.0, 10.0, 1.0) AS Rank FROM LibrarySearch WHERE LibrarySearch MATCH {match}")
            .ToListAsync(ct);
        var rankOf = ranked.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Min(r => r.Rank));
        var candidates = rankOf.Keys.ToList();
        var kept = await documents.Where(d => candidates.Contains(d.Id)).Select(d => new { d.Id, d.PublishedOn }).ToListAsync(ct);
        var ordered = kept.OrderBy(d => rankOf[d.Id]).ThenByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Select(d => d.Id);
        return ([.. ordered.Skip(skip).Take(take)], kept.Count);
    }

    /// <summary>Adds a document's words to the SQLite index, in the caller's transaction; PostgreSQL keeps its vector itself.</summary>
    public static async Task AddAsync(AppDbContext db, LibraryDocument document, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return;
        }

        await EnsureAsync(db, ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO LibrarySearch (DocumentId, TitleWords, BodyWords) VALUES ({document.Id}, {document.TitleWords}, {document.BodyWords})", ct);
    }

    private static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        if (Ready.ContainsKey(database))
        {
            return;
        }

        var exists = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'LibrarySearch'").SingleAsync(ct) > 0;
        if (!exists)
        {
            // Two processes making it at once may both fill it: a document found twice is ranked once (MatchAsync).
            await db.Database.ExecuteSqlAsync($"""
                CREATE VIRTUAL TABLE IF NOT EXISTS LibrarySearch USING fts5(DocumentId UNINDEXED, TitleWords, BodyWords, tokenize = 'unicode61 remove_diacritics 0');
                INSERT INTO LibrarySearch (DocumentId, TitleWords, BodyWords) SELECT Id, TitleWords, BodyWords FROM LibraryDocuments;
                """, ct);
        }

        Ready[database] = true;
    }

    private sealed record RankedId(Guid Id, double Rank);
}
