using System.Globalization;
using CommonThread.Web.SupplyChain;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;

namespace CommonThread.Web.Assessments;

/// <summary>
/// Turns a submitted questionnaire into facts of the facility's freedom-of-association profile. A
/// question says what it answers in an extra "foa" column of the survey sheet (other tools pass
/// over it): "union", "committee" or "agreement" for the yes/no of presence, and "union.name",
/// "union.members", "union.federation", "union.recognised", "committee.name", "committee.elected",
/// "agreement.name", "agreement.expires", "agreement.covered" for the details.
/// </summary>
public static class FoaFromAnswers
{
    public const string Column = "foa";

    private static readonly (string Key, FoaFactKind Kind, string DefaultName)[] Kinds =
    [
        ("union", FoaFactKind.Union, "Trade union"),
        ("committee", FoaFactKind.WorkerCommittee, "Worker committee"),
        ("agreement", FoaFactKind.CollectiveAgreement, "Collective agreement"),
    ];

    /// <summary>The facts the answers declare, as input to SupplyChain, which owns FoA facts and stores them.</summary>
    public static IEnumerable<FoaFactInput> Facts(FormEvaluation evaluation, DateOnly observedOn)
    {
        var answers = evaluation.Form.AllQuestions.Where(q => q.Repeat is null && q.Columns.ContainsKey(Column))
            .Select(q => (Key: q.Columns[Column].Trim().ToLowerInvariant(), Value: evaluation.Value(q)))
            .Where(a => a.Value.Length > 0)
            .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (key, kind, defaultName) in Kinds)
        {
            if (!answers.TryGetValue(key, out var presence) || YesNo(presence) is not { } present)
            {
                continue;
            }

            string? Detail(string name) => answers.GetValueOrDefault($"{key}.{name}") is { Length: > 0 } v ? v[..Math.Min(v.Length, FoaFact.TextMaxLength)] : null;
            yield return new FoaFactInput
            {
                Kind = kind, Source = FactSource.SelfDeclared, ObservedOn = observedOn, Present = present,
                Name = Detail("name") ?? defaultName, Federation = Detail("federation"), Members = Whole(Detail("members")),
                RecognisedByManagement = YesNo(Detail("recognised")), Elected = Detail("elected") is { } elected ? elected is "elected" or "yes" : null,
                Expires = DateOnly.TryParseExact(Detail("expires"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires) ? expires : null,
                CoveredWorkers = Whole(Detail("covered")),
            };
        }
    }

    private static bool? YesNo(string? value) => value?.ToLowerInvariant() switch
    {
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" => false,
        _ => null,
    };

    private static int? Whole(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000 ? n : null;
}
