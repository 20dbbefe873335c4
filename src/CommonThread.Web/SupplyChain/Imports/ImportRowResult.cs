using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// One row of an import and what happens to it: planned while the import waits to be started (the preview),
/// replaced by what did happen when it completes (the per-row results). One small row per file row, so a
/// 200,000-row list is read a page at a time; the facility is referred to by id and shown from the registry.
/// Row 0 is the file as a whole (a preview that could not be worked out says why there).
/// </summary>
public sealed class FacilityImportRowResult
{
    public const int MessageMaxLength = 500;

    public long Id { get; init; }

    public Guid ImportId { get; init; }

    public int Row { get; init; }

    public RowOutcome Outcome { get; init; }

    /// <summary>The facility the row goes to (for Review the candidate); null for a facility the run has yet to make.</summary>
    public Guid? FacilityId { get; init; }

    /// <summary>The earlier row of the same file whose new facility this row matched (or may be, for Review).</summary>
    public int? SameAsRow { get; init; }

    public double? Confidence { get; init; }

    /// <summary>The parser's message for a row with a problem, in English, after its column ("country: …").</summary>
    public string? Message { get; init; }

    /// <summary>The column, template and values of <see cref="Message"/>, so a page says it in the reader's language.</summary>
    public string? MessageColumn { get; init; }

    public string? MessageTemplate { get; init; }

    public string? MessageArguments { get; init; }

    /// <summary>The matcher's reasons for a row sent to review, as <see cref="ReviewEvidence"/> writes them.</summary>
    public string? EvidenceJson { get; init; }
}

internal sealed class FacilityImportRowResultConfiguration : IEntityTypeConfiguration<FacilityImportRowResult>
{
    public void Configure(EntityTypeBuilder<FacilityImportRowResult> b)
    {
        b.ToTable("FacilityImportRowResults");
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Message).HasMaxLength(FacilityImportRowResult.MessageMaxLength);
        b.Property(r => r.MessageColumn).HasMaxLength(64);
        b.Property(r => r.MessageTemplate).HasMaxLength(StoredWords.TemplateMaxLength);
        b.Property(r => r.MessageArguments).HasMaxLength(StoredWords.ArgumentsMaxLength);
        b.HasIndex(r => new { r.ImportId, r.Row });
        b.HasIndex(r => new { r.ImportId, r.Outcome, r.Row });
        b.HasOne<FacilityImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Turns a file's rows and their decisions into <see cref="FacilityImportRowResult"/>s: the preview and the run write them the same way.</summary>
public static class ImportRowResults
{
    /// <summary>
    /// The rows the parser left out, each with its first problem's message (the parser keeps the first 1,000
    /// problems; a row past them is still listed, pointing to the problem list).
    /// </summary>
    public static IEnumerable<FacilityImportRowResult> Problems(Guid importId, List<string[]> table, ParsedFacilityList parsed)
    {
        var valid = parsed.Rows.Select(r => r.RowNumber).ToHashSet();
        var messages = parsed.Problems.Where(p => p.Row > 0).GroupBy(p => p.Row).ToDictionary(g => g.Key, g => g.First());
        if (parsed.TotalRows == 0)
        {
            yield break;
        }

        for (var r = 1; r < table.Count; r++)
        {
            var number = r + 1;
            if (valid.Contains(number) || table[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (messages.TryGetValue(number, out var p))
            {
                var (template, arguments) = StoredWords.Of(p.Words);
                yield return new()
                {
                    ImportId = importId, Row = number, Outcome = RowOutcome.Problem, Message = Cut($"{p.Column}: {p.Message}"),
                    MessageColumn = p.Column.Length > 64 ? null : p.Column, MessageTemplate = p.Column.Length > 64 ? null : template, MessageArguments = arguments,
                };
            }
            else
            {
                var words = Phrase.Of("This row has a problem; the list of problems names it.");
                yield return new() { ImportId = importId, Row = number, Outcome = RowOutcome.Problem, Message = words.English, MessageTemplate = words.Template };
            }
        }
    }

    /// <summary>
    /// A decided row. <paramref name="planned"/>: a facility the run has yet to make has no id worth keeping
    /// (the run makes its own), so a preview keeps only which row makes it.
    /// </summary>
    public static FacilityImportRowResult Of(Guid importId, ImportRow row, RowDecision decision, bool planned) => new()
    {
        ImportId = importId, Row = row.RowNumber, Outcome = decision.Outcome,
        FacilityId = planned && (decision.Outcome == RowOutcome.New || decision.SameAsRow is not null) ? null : decision.FacilityId,
        SameAsRow = decision.SameAsRow,
        Confidence = decision.Outcome == RowOutcome.Review && decision.Match is { } m ? Math.Round(m.Confidence, 3) : null,
        EvidenceJson = decision.Outcome == RowOutcome.Review && decision.Match is { } e ? ReviewEvidence.Write(e.Evidence) : null,
    };

    public static string Cut(string message) => message.Length > FacilityImportRowResult.MessageMaxLength ? message[..FacilityImportRowResult.MessageMaxLength] : message;
}
