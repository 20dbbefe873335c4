using System.Text.Json;
using CommonThread.Matching;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// The matcher's reasons as a review keeps them (<see cref="MatchReview.EvidenceJson"/>) and as the queue shows them.
/// Parts and verdicts are stored by name, and a name this build does not know is left out when read: the matcher's
/// list of parts changes, and a stored review must never stop the queue from opening.
/// </summary>
public static class ReviewEvidence
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Stored(string Part, string Verdict, double Score, string Row, string Candidate);

    public static string Write(IReadOnlyList<MatchEvidence> evidence) =>
        JsonSerializer.Serialize(evidence.Select(e => new Stored(e.Part.ToString(), e.Verdict.ToString(), e.Score, e.RowValue, e.CandidateValue)), Json);

    /// <summary>The parts in the order a reviewer reads them (see <see cref="ReasonFirst"/>); null when none were recorded.</summary>
    public static IReadOnlyList<MatchEvidenceDto>? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var known = new List<MatchEvidenceDto>();
        foreach (var s in JsonSerializer.Deserialize<List<Stored>>(json, Json) ?? [])
        {
            if (Enum.TryParse<EvidencePart>(s.Part, out var part) && Enum.IsDefined(part) && Enum.TryParse<Verdict>(s.Verdict, out var verdict) && Enum.IsDefined(verdict))
            {
                known.Add(new(part, verdict, s.Score, s.Row ?? "", s.Candidate ?? ""));
            }
        }

        return ReasonFirst(known);
    }

    /// <summary>
    /// What speaks against the match first (differs, then partly), then what agrees, then what one side did not say:
    /// the reason a pair is uncertain is what a person must see first. The matcher's order holds within each verdict.
    /// </summary>
    public static IReadOnlyList<MatchEvidenceDto> ReasonFirst(IEnumerable<MatchEvidenceDto> evidence) =>
        evidence.OrderBy(e => e.Verdict switch
        {
            Verdict.Differs => 0,
            Verdict.Partly => 1,
            Verdict.Agrees => 2,
            _ => 3,
        }).ToList();
}
