using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Assessments;

/// <summary>Sending questionnaires down a chain, and the lists of what was sent and what is to answer.</summary>
public sealed class AssignmentService(AppDbContext db, QuestionnaireLibrary library, SupplyChainService chain, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<AssignResult> AssignAsync(OrganisationAccess access, AssignInput input, CancellationToken ct)
    {
        var kind = access.Organisation.Kind;
        if (kind is not (OrganisationKind.Brand or OrganisationKind.Initiative))
        {
            throw new RuleViolation("organisation", "Brands and initiatives send questionnaires.", StatusCodes.Status403Forbidden);
        }

        var questionnaire = await library.FindUsableAsync(access, input.QuestionnaireId ?? Guid.Empty, ct);
        if (input.DueOn is not { } dueOn || dueOn <= Today)
        {
            throw new RuleViolation("dueOn", "Give a deadline after today.");
        }

        Plausible.Day.Require(dueOn, "dueOn");

        if (dueOn > Today.AddYears(1))
        {
            throw new RuleViolation("dueOn", "A deadline more than a year away is not a deadline: choose one within a year.");
        }

        var reachable = await ReachableAsync(access, CountriesOf(input.Countries), ct);
        var chosen = input.FacilityIds.Count == 0 ? reachable : reachable.Where(f => input.FacilityIds.Contains(f.Id)).ToList();
        if (input.FacilityIds.Count > 0 && chosen.Count < input.FacilityIds.Distinct().Count())
        {
            throw new RuleViolation("facilityIds", "Some of these facilities are not in your supply chain.");
        }

        var facilityIds = chosen.Select(f => f.Id).ToList();
        var open = (await db.Set<Assignment>().Where(a => a.QuestionnaireId == questionnaire.Id && a.AssignedByOrganisationId == access.Organisation.Id
            && a.SubmittedAt == null && facilityIds.Contains(a.FacilityId)).Select(a => a.FacilityId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var sent = chosen.Where(f => f.OperatorOrganisationId is not null && !open.Contains(f.Id)).Select(f => new Assignment
        {
            QuestionnaireId = questionnaire.Id, AssignedByOrganisationId = access.Organisation.Id, FacilityId = f.Id, RespondentOrganisationId = f.OperatorOrganisationId!.Value,
            DueOn = dueOn, AssignedAt = now,
        }).ToList();
        db.AddRange(sent);
        foreach (var group in sent.GroupBy(a => a.RespondentOrganisationId))
        {
            await notifier.TellAsync([group.Key], Phrase.Of("{0} asks you to answer '{1}' by {2}.", access.Organisation.Name, questionnaire.Title, dueOn),
                _ => $"/o/{group.Key}/assessments", ct);
        }

        audit.Record(access.Organisation.Id, "questionnaire.assigned", $"'{questionnaire.Title}' sent to {sent.Count} facilities, due {dueOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new(sent.Count, chosen.Count(f => open.Contains(f.Id)), chosen.Count(f => f.OperatorOrganisationId is null));
    }

    /// <summary>
    /// What sending to "all in your chain" would reach, before anything is sent: how many facilities, in which
    /// countries, and how many of them are run by an organisation on CommonThread (only those receive it).
    /// </summary>
    public async Task<(int Facilities, int OnPlatform, IReadOnlyList<string> Countries)> PreviewAllAsync(OrganisationAccess access, IReadOnlyList<string> countries, CancellationToken ct)
    {
        var reachable = await ReachableAsync(access, CountriesOf(countries), ct);
        return (reachable.Count, reachable.Count(f => f.OperatorOrganisationId is not null),
            reachable.Select(f => f.CountryCode).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private sealed record Reachable(Guid Id, string Name, string CountryCode, Guid? OperatorOrganisationId);

    /// <summary>The countries of the facilities a questionnaire can be sent to, by name: the send form's choices.</summary>
    public async Task<IReadOnlyList<string>> CountriesReachableAsync(OrganisationAccess access, CancellationToken ct) =>
        (access.Organisation.Kind == OrganisationKind.Initiative
            ? await db.Set<Facility>().Select(f => f.CountryCode).Distinct().ToListAsync(ct)
            : (await ReachableAsync(access, [], ct)).Select(f => f.CountryCode).Distinct().ToList())
        .OrderBy(Platform.Geography.Countries.NameOf).ToList();

    /// <summary>The country codes asked for; a refusal naming "countries" for a text that names no one country.</summary>
    private static HashSet<string> CountriesOf(IReadOnlyList<string> countries) =>
        countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Platform.Geography.Countries.Require(c, "countries")).ToHashSet(StringComparer.Ordinal);

    /// <summary>The facilities a questionnaire can be sent to (in <paramref name="countries"/>, when any are given).</summary>
    private async Task<List<Reachable>> ReachableAsync(OrganisationAccess access, HashSet<string> countries, CancellationToken ct)
    {
        var reachable = access.Organisation.Kind == OrganisationKind.Initiative
            ? await db.Set<Facility>().AsNoTracking().Select(f => new Reachable(f.Id, f.Name, f.CountryCode, f.OperatorOrganisationId)).ToListAsync(ct)
            : (await chain.VisibleAsync(access.Organisation.Id, ct)).Where(v => v.Tier is not null)
                .Select(v => new Reachable(v.Facility.Id, v.Facility.Name, v.Facility.CountryCode, v.Facility.OperatorOrganisationId)).ToList();
        return countries.Count == 0 ? reachable : reachable.Where(f => countries.Contains(f.CountryCode)).ToList();
    }

    /// <summary>What this organisation sent, and what it has to answer, newest first.</summary>
    public async Task<IReadOnlyList<AssignmentDto>> ListAsync(OrganisationAccess access, bool sent, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var rows = await (from a in db.Set<Assignment>()
                          join q in db.Set<Questionnaire>() on a.QuestionnaireId equals q.Id
                          join f in db.Set<Facility>() on a.FacilityId equals f.Id
                          join r in db.Set<Organisation>() on a.RespondentOrganisationId equals r.Id
                          join s in db.Set<Organisation>() on a.AssignedByOrganisationId equals s.Id
                          join response in db.Set<AssessmentResponse>() on a.Id equals response.AssignmentId into responses
                          from response in responses.DefaultIfEmpty()
                          where sent ? a.AssignedByOrganisationId == id : a.RespondentOrganisationId == id
                          select new { a, q.Title, Facility = f.Name, f.CountryCode, Respondent = r.Name, AssignedBy = s.Name, Score = response == null ? null : response.ScorePercent })
            .AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(r => r.a.AssignedAt).ThenBy(r => r.Facility)
            .Select(r => new AssignmentDto(r.a.Id, r.a.QuestionnaireId, r.Title, r.a.FacilityId, r.Facility, r.Respondent, r.AssignedBy, r.a.DueOn, StatusOf(r.a),
                r.a.SubmittedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null, r.a.SubmittedAt is null ? null : r.Score, r.a.AssignedAt, r.CountryCode))
            .ToList();
    }

    /// <summary>
    /// The answers that point to a risk in the questionnaires this organisation sent and had answered — what the sender
    /// reads of the response anyway — for its risk register to propose from. Only the latest answer of each questionnaire
    /// at each facility speaks: a risk answered away in a later round is no longer proposed.
    /// </summary>
    public async Task<IReadOnlyList<AnsweredRisks>> RisksAnsweredAsync(OrganisationAccess access, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var rows = await (from a in db.Set<Assignment>()
                          join q in db.Set<Questionnaire>() on a.QuestionnaireId equals q.Id
                          join r in db.Set<AssessmentResponse>() on a.Id equals r.AssignmentId
                          where a.AssignedByOrganisationId == id && a.SubmittedAt != null
                          select new { a.Id, a.FacilityId, a.QuestionnaireId, q.Title, a.SubmittedAt, r.RiskSignals }).AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => (r.FacilityId, r.QuestionnaireId)).Select(g => g.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).First())
            .Where(r => r.RiskSignals is not null)
            .Select(r => new AnsweredRisks(r.Id, r.FacilityId, r.Title, DateOnly.FromDateTime(r.SubmittedAt!.Value.UtcDateTime), RiskFromAnswers.Read(r.RiskSignals)))
            .OrderByDescending(r => r.SubmittedOn).ThenBy(r => r.AssignmentId).ToList();
    }

    public AssignmentStatus StatusOf(Assignment a) => a.SubmittedAt is not null ? AssignmentStatus.Submitted : a.DueOn < Today ? AssignmentStatus.Overdue : AssignmentStatus.Open;

    /// <summary>
    /// Reminds respondents of open assignments a week before the deadline, the day before, and each
    /// week once it has passed; at most once a day, whoever runs it.
    /// </summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var today = Today;
        var open = await (from a in db.Set<Assignment>()
                          join q in db.Set<Questionnaire>() on a.QuestionnaireId equals q.Id
                          join s in db.Set<Organisation>() on a.AssignedByOrganisationId equals s.Id
                          where a.SubmittedAt == null && a.DueOn <= today.AddDays(7) && (a.RemindedOn == null || a.RemindedOn < today)
                          select new { a, q.Title, AssignedBy = s.Name }).ToListAsync(ct);
        var reminded = 0;
        foreach (var row in open)
        {
            var daysLeft = row.a.DueOn.DayNumber - today.DayNumber;
            if (daysLeft is not (7 or 1) && !(daysLeft < 0 && -daysLeft % 7 == 1))
            {
                continue;
            }

            row.a.RemindedOn = today;
            var text = daysLeft > 0
                ? Phrase.Of("Reminder: '{0}' for {1} is due on {2}.", row.Title, row.AssignedBy, row.a.DueOn)
                : Phrase.Of("Overdue: '{0}' for {1} was due on {2}.", row.Title, row.AssignedBy, row.a.DueOn);
            await notifier.TellAsync([row.a.RespondentOrganisationId], text, o => $"/o/{o}/assessments/{row.a.Id}", ct, key: $"assignment-reminder:{row.a.Id}:{today:yyyy-MM-dd}");
            reminded++;
        }

        await db.SaveChangesAsync(ct);
        return reminded;
    }
}
