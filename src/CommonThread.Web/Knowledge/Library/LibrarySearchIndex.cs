using CommonThread.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CommonThread.Web.Knowledge.Library;

/// <summary>
/// Full-text matching and ranking of library documents by their search words: PostgreSQL's text search over the
/// stored vector (GIN index, cover-density rank, the title weighing most) or, in the embedded default, an SQLite
/// FTS5 table (BM25, the title weighing most). Every query word must match; a word matches as a beginning
/// ("organis" finds "organising"), a pair of characters of a script without spaces matches whole
/// (<see cref="SearchWords.MatchesAsPrefix"/>). The FTS5 table LibrarySearch is derived from the documents, so it is
/// made (and filled) when missing rather than migrated: EF's model cannot describe a virtual table.
/// </summary>
public static class LibrarySearchIndex
{
    /// <summary>
    /// How many matches are ranked. A word found in a large share of the library ("workers") would otherwise make
    /// every search read and rank tens of thousands of documents; past this many, the newest this many are ranked,
    /// and the reader is asked to narrow the search.
    /// </summary>
    public const int RankLimit = 500;

    /// <summary>
    /// Documents whose words match every query word, best first; <paramref name="documents"/> already filtered. The
    /// total counts at most <see cref="RankLimit"/> (More says there are more), and only those are ranked and paged.
    /// </summary>
    public static async Task<(IReadOnlyList<Guid> Ids, int Total, bool More)> MatchAsync(AppDbContext db, IQueryable<LibraryDocument> documents, IReadOnlyList<string> words, int skip, int take, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var query = string.Join(" & ", words.Select(w => SearchWords.MatchesAsPrefix(w) ? w + ":*" : w));
            // Newest first, so that for a common word the database walks the date index and stops after RankLimit
            // matches; for a rare one it takes the text index. The rank is ordered on outside that limit, so the
            // database computes it for the candidates only, not for every match.
            var candidates = await documents
                .Where(d => EF.Property<NpgsqlTsVector>(d, LibraryDocumentConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery("simple", query)))
                .OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Take(RankLimit + 1)
                .OrderByDescending(d => EF.Property<NpgsqlTsVector>(d, LibraryDocumentConfiguration.SearchVector).RankCoverDensity(EF.Functions.ToTsQuery("simple", query)))
                .ThenByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id)
                .Select(d => new { d.Id, d.PublishedOn })
                .ToListAsync(ct);
            // One more than are ranked says whether there are more: the oldest of them, in the database's order (a uuid
            // orders as its text), is left out.
            var oldest = candidates.Count > RankLimit
                ? candidates.OrderBy(c => c.PublishedOn).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal).First()
                : null;
            var best = candidates.Where(c => !ReferenceEquals(c, oldest)).Select(c => c.Id);
            return ([.. best.Skip(skip).Take(take)], Math.Min(candidates.Count, RankLimit), candidates.Count > RankLimit);
        }

        await EnsureAsync(db, ct);
        var match = string.Join(' ', words.Select(w => SearchWords.MatchesAsPrefix(w) ? $"\"{w}\"*" : $"\"{w}\""));
        // bm25 is smaller for a better match; the first column is the document's id, not searched. FTS5 ranks every
        // match cheaply, so the embedded database ranks them all and keeps the best RankLimit, as the reader sees it.
        var ranked = await db.Database.SqlQuery<RankedId>(
                $"SELECT DocumentId AS Id, bm25(LibrarySearch, 0.0, 10.0, 1.0) AS Rank FROM LibrarySearch WHERE LibrarySearch MATCH {match}")
            .ToListAsync(ct);
        var rankOf = ranked.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Min(r => r.Rank));
        var candidateIds = rankOf.Keys.ToList();
        var kept = await documents.Where(d => candidateIds.Contains(d.Id)).Select(d => new { d.Id, d.PublishedOn }).ToListAsync(ct);
        var ordered = kept.OrderBy(d => rankOf[d.Id]).ThenByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Take(RankLimit).Select(d => d.Id);
        return ([.. ordered.Skip(skip).Take(take)], Math.Min(kept.Count, RankLimit), kept.Count > RankLimit);
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

    /// <summary>Takes a withdrawn document's words out of the SQLite index, in the caller's transaction.</summary>
    /// <remarks>The index was filled from the table (ids as text) and by <see cref="AddAsync"/> (ids as bound): both forms go.</remarks>
    public static async Task RemoveAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return;
        }

        await EnsureAsync(db, ct);
        var text = documentId.ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlAsync($"DELETE FROM LibrarySearch WHERE DocumentId = {documentId} OR DocumentId = {text}", ct);
    }

    private static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        // Asked every time rather than remembered: a file made again under the same name must not be taken for the old one.
        var exists = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'LibrarySearch'").SingleAsync(ct) > 0;
        if (!exists)
        {
            // Two processes making it at once may both fill it: a document found twice is ranked once (MatchAsync).
            await db.Database.ExecuteSqlAsync($"""
                CREATE VIRTUAL TABLE IF NOT EXISTS LibrarySearch USING fts5(DocumentId UNINDEXED, TitleWords, BodyWords, tokenize = 'unicode61 remove_diacritics 0');
                INSERT INTO LibrarySearch (DocumentId, TitleWords, BodyWords) SELECT Id, TitleWords, BodyWords FROM LibraryDocuments;
                """, ct);
        }
    }

    private sealed record RankedId(Guid Id, double Rank);
}
