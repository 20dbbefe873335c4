using CommonThread.Data;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.PeerReview;

/// <summary>
/// Peer review in a research network: a member submits; the editor (the convener) asks people of other member
/// organisations to review; each round ends in the editor's decision; the authors revise and answer the reviews for the
/// next round; an accepted paper is published to the library with its review record. Reviewers are named to the editor
/// only: everything the authors, other reviewers and the public read numbers them.
/// </summary>
public sealed class ReviewService(AppDbContext db, ReviewAccess rights, NetworkAccess networks, LibraryService library, Notifier notifier, MemberDirectory directory, UserManager<AppUser> users,
    AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Link(Guid organisationId, Guid networkId, Guid submissionId) => $"/o/{organisationId}/networks/{networkId}/submissions/{submissionId}";

    public async Task<IReadOnlyList<SubmissionSummary>> ListAsync(OrganisationAccess access, Guid networkId, CancellationToken ct)
    {
        var visible = await rights.VisibleAsync(access, networkId, ct);
        var ids = await visible.Select(s => s.Id).ToListAsync(ct);
        var summaries = await SummariesAsync(access, ids, ct);
        return [.. summaries.Values.OrderByDescending(s => s.SubmittedAt)];
    }

    public async Task<SubmissionView> SubmitAsync(OrganisationAccess access, Guid networkId, SubmissionInput input, CancellationToken ct)
    {
        var network = await rights.RequireSubmitterAsync(access, networkId, ct);
        var errors = new FieldChecks();
        var title = errors.Text(input.Title, LibraryDocument.TitleMaxLength, "title", "Give the title, of up to 300 characters.");
        var authors = errors.Text(input.Authors, Submission.AuthorsMaxLength, "authors", "Name the authors as they want to be credited, in up to 500 characters.");
        var summary = errors.Text(input.Summary, LibraryDocument.SummaryMaxLength, "summary", "Give a summary, of up to 2,000 characters.");
        var text = errors.Text(input.Text, LibraryDocument.TextMaxLength, "text", "Give the text to review, of up to 200,000 characters.");
        if (!LibraryService.Languages.Contains(input.Language, StringComparer.Ordinal))
        {
            errors.Add("language", "Choose the language the document is written in.");
        }

        if (input.Licence is null)
        {
            errors.Add("licence", "Say under which licence others may use it.");
        }

        var countries = (input.Countries ?? []).Select(c => Countries.IsKnown(c) ? Countries.Normalise(c)! : "").Distinct(StringComparer.Ordinal).ToList();
        if (countries.Any(c => c.Length == 0) || string.Join(',', countries).Length > Submission.CountriesMaxLength)
        {
            errors.Add("countries", "Choose countries from the list.");
        }

        errors.ThrowIfAny();
        var submission = new Submission
        {
            NetworkId = networkId, AuthorOrganisationId = access.Organisation.Id, Title = title!, Authors = authors!, Summary = summary!, Language = input.Language,
            Licence = input.Licence!.Value, GenderData = input.GenderData, Countries = string.Join(',', countries), Status = SubmissionStatus.UnderReview, Round = 1,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Add(submission);
        db.Add(new ReviewRound { SubmissionId = submission.Id, Number = 1, Text = text!, OpenedAt = submission.SubmittedAt });
        await notifier.TellAsync([network.ConvenerOrganisationId], Phrase.Of("{0} submitted '{1}' for review in '{2}'.", access.Organisation.Name, submission.Title, network.Title),
            o => Link(o, networkId, submission.Id), ct);
        audit.Record(access.Organisation.Id, "review.submitted", $"'{submission.Title}' to '{network.Title}'");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, networkId, submission.Id, ct);
    }

    /// <summary>The submission as the caller's part lets them read it (see <see cref="ReviewView"/>).</summary>
    public async Task<SubmissionView> FindAsync(OrganisationAccess access, Guid networkId, Guid submissionId, CancellationToken ct)
    {
        var (network, submission, role) = await rights.RoleAsync(access, networkId, submissionId, ct);
        var summary = (await SummariesAsync(access, [submissionId], ct))[submissionId];
        var rounds = await db.Set<ReviewRound>().AsNoTracking().Where(r => r.SubmissionId == submissionId).OrderBy(r => r.Number).ToListAsync(ct);
        var tasks = await db.Set<ReviewTask>().AsNoTracking().Where(t => t.SubmissionId == submissionId).ToListAsync(ct);
        var identities = role == SubmissionRole.Editor ? await IdentitiesAsync(tasks, ct) : [];
        var userId = rights.UserId;
        var mine = tasks.Where(t => t.ReviewerUserId == userId && t.ReviewerOrganisationId == access.Organisation.Id).Select(t => t.Round).ToHashSet();
        var views = rounds
            // A reviewer reads the rounds they were asked to review, and no other.
            .Where(r => role != SubmissionRole.Reviewer || mine.Contains(r.Number))
            .Select(r => new RoundView(r.Number, r.Text, r.Response, r.OpenedAt, r.Decision, r.Letter, r.DecidedOn, [.. tasks.Where(t => t.Round == r.Number)
                .Where(t => role switch
                {
                    SubmissionRole.Editor => true,
                    // The authors read the reviews once the editor has decided on them: the editor speaks first.
                    SubmissionRole.Author => r.Decision is not null && t.Status == ReviewTaskStatus.Submitted,
                    _ => t.ReviewerUserId == userId && t.ReviewerOrganisationId == access.Organisation.Id,
                })
                .OrderBy(t => t.Number)
                .Select(t => new ReviewView(t.Id, t.Number, t.Status, t.DueOn, t.Verdict, t.ToAuthors, role == SubmissionRole.Author ? null : t.ToEditor,
                    identities.GetValueOrDefault(t.Id)))]))
            .ToList();
        return new(summary, network.Title, submission.Summary, submission.Language, submission.Licence, submission.GenderData,
            submission.CountryCodes, views, submission.PublishedDocumentId);
    }

    /// <summary>
    /// The editor asks a person to review the round under way. They must belong to a member organisation of the network,
    /// and not to the authors'; they are told alone, in that organisation. Asked again in a later round, they keep their number.
    /// </summary>
    public async Task<SubmissionView> AskReviewerAsync(OrganisationAccess access, Guid networkId, Guid submissionId, ReviewerRequest request, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Editor, ct);
        RequireStatus(submission, SubmissionStatus.UnderReview);
        var errors = new FieldChecks();
        if (request.DueOn is not { } due || due < Today || !Plausible.Day.Contains(due))
        {
            errors.Add("dueOn", "Give the day the review is due, today or later.");
        }

        var normalized = users.NormalizeEmail(request.Email?.Trim());
        var person = string.IsNullOrEmpty(normalized) ? null : await db.Set<AppUser>().AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        var theirs = person is null ? [] : await directory.OrganisationsOfAsync(person.Id, ct);
        var joined = await networks.JoinedAsync(networkId, ct);
        if (theirs.Contains(submission.AuthorOrganisationId))
        {
            errors.Add("email", "A person of the authors' organisation cannot review their work.");
        }
        else if (person?.Id == rights.UserId)
        {
            errors.Add("email", "The editor does not review: ask someone else.");
        }
        else if (!theirs.Any(joined.Contains))
        {
            errors.Add("email", "No one with this e-mail is in a member organisation of the network.");
        }

        errors.ThrowIfAny();
        var tasks = await db.Set<ReviewTask>().Where(t => t.SubmissionId == submissionId).ToListAsync(ct);
        if (tasks.Any(t => t.Round == submission.Round && t.ReviewerUserId == person!.Id))
        {
            throw RuleViolation.Conflict("email", "This person is already asked in this round.");
        }

        var number = tasks.FirstOrDefault(t => t.ReviewerUserId == person!.Id)?.Number ?? tasks.Select(t => t.Number).DefaultIfEmpty().Max() + 1;
        // The organisation they are asked through: the one of an earlier round if it is still a member, else the first member one.
        var through = tasks.Where(t => t.ReviewerUserId == person!.Id).Select(t => t.ReviewerOrganisationId).FirstOrDefault(joined.Contains);
        through = through == Guid.Empty ? theirs.First(joined.Contains) : through;
        var task = new ReviewTask
        {
            SubmissionId = submissionId, Round = submission.Round, ReviewerUserId = person!.Id, ReviewerOrganisationId = through, Number = number, AskedOn = Today,
            DueOn = request.DueOn!.Value, Status = ReviewTaskStatus.Asked,
        };
        db.Add(task);
        notifier.TellPerson(person.Id, through, Phrase.Of("You are asked to review '{0}' for '{1}' by {2}.", submission.Title, network.Title, task.DueOn),
            Link(through, networkId, submissionId));
        // The editor's own record names the reviewer: it is the editor's organisation that keeps it.
        audit.Record(access.Organisation.Id, "review.reviewer-asked", $"Reviewer {number} ({person.Email}) for '{submission.Title}', round {submission.Round}");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, networkId, submissionId, ct);
    }

    /// <summary>The person asked declines: the editor is told, and the submission is no longer theirs to read.</summary>
    public async Task DeclineAsync(OrganisationAccess access, Guid networkId, Guid submissionId, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Reviewer, ct);
        var task = await OpenTaskAsync(access, submission, ct);
        task.Status = ReviewTaskStatus.Declined;
        await notifier.TellAsync([network.ConvenerOrganisationId], Phrase.Of("Reviewer {0} declined to review '{1}'.", task.Number, submission.Title),
            o => Link(o, networkId, submissionId), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reviewer's review of the round under way: once sent it is kept as written.</summary>
    public async Task<SubmissionView> ReviewAsync(OrganisationAccess access, Guid networkId, Guid submissionId, ReviewInput input, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Reviewer, ct);
        var task = await OpenTaskAsync(access, submission, ct);
        var errors = new FieldChecks();
        if (input.Verdict is null)
        {
            errors.Add("verdict", "Say what you recommend.");
        }

        var toAuthors = errors.Text(input.ToAuthors, ReviewTask.CommentsMaxLength, "toAuthors", "Write your review for the authors, in up to 50,000 characters.");
        if (input.ToEditor is { Length: > ReviewTask.CommentsMaxLength })
        {
            errors.Add("toEditor", "A note to the editor of up to 50,000 characters.");
        }

        errors.ThrowIfAny();
        task.Verdict = input.Verdict;
        task.ToAuthors = toAuthors;
        task.ToEditor = TextInput.OrNull(input.ToEditor);
        task.Status = ReviewTaskStatus.Submitted;
        task.SubmittedAt = clock.GetUtcNow();
        await notifier.TellAsync([network.ConvenerOrganisationId], Phrase.Of("Reviewer {0} reviewed '{1}'.", task.Number, submission.Title), o => Link(o, networkId, submissionId), ct);
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, networkId, submissionId, ct);
    }

    /// <summary>
    /// The editor closes the round: accepted, revisions asked (minor or major) or not accepted. A paper is not accepted, nor
    /// sent back for revision, without at least one review: peer review is the point. Rejecting needs none.
    /// </summary>
    public async Task<SubmissionView> DecideAsync(OrganisationAccess access, Guid networkId, Guid submissionId, DecisionInput input, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Editor, ct);
        RequireStatus(submission, SubmissionStatus.UnderReview);
        var errors = new FieldChecks();
        var letter = errors.Text(input.Letter, ReviewRound.LetterMaxLength, "letter", "Write the decision letter to the authors, in up to 20,000 characters.");
        if (input.Decision is null)
        {
            errors.Add("decision", "Choose the decision.");
        }

        errors.ThrowIfAny();
        var decision = input.Decision!.Value;
        var reviewed = await db.Set<ReviewTask>().AnyAsync(t => t.SubmissionId == submissionId && t.Round == submission.Round && t.Status == ReviewTaskStatus.Submitted, ct);
        if (decision != ReviewVerdict.Reject && !reviewed)
        {
            throw RuleViolation.Conflict("decision", "Wait for at least one review before accepting or asking for revisions; a paper may be rejected without one.");
        }

        var round = await db.Set<ReviewRound>().SingleAsync(r => r.SubmissionId == submissionId && r.Number == submission.Round, ct);
        round.Decision = decision;
        round.Letter = letter;
        round.DecidedOn = Today;
        submission.Status = decision switch
        {
            ReviewVerdict.Accept => SubmissionStatus.Accepted,
            ReviewVerdict.Reject => SubmissionStatus.Rejected,
            _ => SubmissionStatus.RevisionsRequested,
        };
        await notifier.TellAsync([submission.AuthorOrganisationId], decision switch
        {
            ReviewVerdict.Accept => Phrase.Of("'{0}' is accepted in '{1}'.", submission.Title, network.Title),
            ReviewVerdict.Reject => Phrase.Of("'{0}' is not accepted in '{1}'.", submission.Title, network.Title),
            _ => Phrase.Of("'{0}' needs revisions: read the reviews and the editor's letter.", submission.Title),
        }, o => Link(o, networkId, submissionId), ct);
        audit.Record(access.Organisation.Id, "review.decided", $"'{submission.Title}', round {submission.Round}: {decision}");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, networkId, submissionId, ct);
    }

    /// <summary>The authors send the revised text with their answer to the reviews: a new round opens, and the editor asks reviewers again.</summary>
    public async Task<SubmissionView> ReviseAsync(OrganisationAccess access, Guid networkId, Guid submissionId, RevisionInput input, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Author, ct);
        RequireStatus(submission, SubmissionStatus.RevisionsRequested);
        var errors = new FieldChecks();
        var text = errors.Text(input.Text, LibraryDocument.TextMaxLength, "text", "Give the revised text, of up to 200,000 characters.");
        var response = errors.Text(input.Response, ReviewRound.LetterMaxLength, "response", "Answer the reviews, in up to 20,000 characters.");
        var title = TextInput.OrNull(input.Title);
        var summary = TextInput.OrNull(input.Summary);
        if (title is { Length: > LibraryDocument.TitleMaxLength })
        {
            errors.Add("title", "Give the title, of up to 300 characters.");
        }

        if (summary is { Length: > LibraryDocument.SummaryMaxLength })
        {
            errors.Add("summary", "Give a summary, of up to 2,000 characters.");
        }

        errors.ThrowIfAny();
        submission.Title = title ?? submission.Title;
        submission.Summary = summary ?? submission.Summary;
        submission.Round++;
        submission.Status = SubmissionStatus.UnderReview;
        db.Add(new ReviewRound { SubmissionId = submissionId, Number = submission.Round, Text = text!, Response = response, OpenedAt = clock.GetUtcNow() });
        await notifier.TellAsync([network.ConvenerOrganisationId], Phrase.Of("{0} revised '{1}': round {2} is open.", access.Organisation.Name, submission.Title, submission.Round),
            o => Link(o, networkId, submissionId), ct);
        audit.Record(access.Organisation.Id, "review.revised", $"'{submission.Title}', round {submission.Round}");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, networkId, submissionId, ct);
    }

    /// <summary>The authors withdraw their work while it is under review or waiting for their revision.</summary>
    public async Task<SubmissionView> WithdrawAsync(OrganisationAccess access, Guid networkId, Guid submissionId, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Author, ct);
        RequireStatus(submission, SubmissionStatus.UnderReview, SubmissionStatus.RevisionsRequested);
        submission.Status = SubmissionStatus.Withdrawn;
        await notifier.TellAsync([network.ConvenerOrganisationId], Phrase.Of("{0} withdrew '{1}'.", access.Organisation.Name, submission.Title), o => Link(o, networkId, submissionId), ct);
        audit.Record(access.Organisation.Id, "review.withdrawn", $"'{submission.Title}'");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, networkId, submissionId, ct);
    }

    /// <summary>
    /// The editor publishes an accepted paper to the public library, in the network's name and theme, in the same unit of
    /// work that marks it published: the library page then shows its review record.
    /// </summary>
    public async Task<SubmissionView> PublishAsync(OrganisationAccess access, Guid networkId, Guid submissionId, CancellationToken ct)
    {
        var (network, submission) = await rights.RequireAsync(access, networkId, submissionId, SubmissionRole.Editor, ct);
        RequireStatus(submission, SubmissionStatus.Accepted);
        var text = await db.Set<ReviewRound>().Where(r => r.SubmissionId == submissionId && r.Number == submission.Round).Select(r => r.Text).SingleAsync(ct);
        await library.PublishAsync(access, new LibraryInput
        {
            Title = submission.Title, Summary = submission.Summary, Text = text, Language = submission.Language, Kind = DocumentKind.Research, Licence = submission.Licence,
            Themes = [network.Theme], Countries = [.. submission.CountryCodes], Audiences = [Audience.Researchers],
            GenderData = submission.GenderData,
        }, null, ct, async documentId =>
        {
            submission.PublishedDocumentId = documentId;
            submission.Status = SubmissionStatus.Published;
            await notifier.TellAsync([submission.AuthorOrganisationId], Phrase.Of("'{0}' is published in the library with its review record.", submission.Title),
                _ => $"/library/{documentId}", ct);
        });
        return await FindAsync(access, networkId, submissionId, ct);
    }

    /// <summary>The review record of a library document that came through peer review; null for any other document.</summary>
    public async Task<ReviewRecord?> RecordAsync(Guid documentId, CancellationToken ct)
    {
        var found = await (from s in db.Set<Submission>()
                           join n in db.Set<Network>() on s.NetworkId equals n.Id
                           join o in db.Set<Organisation>() on n.ConvenerOrganisationId equals o.Id
                           where s.PublishedDocumentId == documentId && s.Status == SubmissionStatus.Published
                           select new { s.Id, s.Authors, s.SubmittedAt, Network = n.Title, Editor = o.Name }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var rounds = await db.Set<ReviewRound>().AsNoTracking().Where(r => r.SubmissionId == found.Id).OrderBy(r => r.Number)
            .Select(r => new { r.Number, r.Response, r.Decision, r.Letter, r.DecidedOn }).ToListAsync(ct);
        // Only what reviewers wrote to the authors, and their numbers: never who they are, nor what they told the editor.
        var reviews = (await db.Set<ReviewTask>().AsNoTracking().Where(t => t.SubmissionId == found.Id && t.Status == ReviewTaskStatus.Submitted)
            .Select(t => new { t.Round, t.Number, t.Verdict, t.ToAuthors }).ToListAsync(ct)).ToLookup(t => t.Round);
        return new(found.Id, found.Network, found.Editor, found.Authors, DateOnly.FromDateTime(found.SubmittedAt.UtcDateTime), [.. rounds.Select(r => new RecordRound(r.Number,
            r.Response, r.Decision, r.Letter, r.DecidedOn, [.. reviews[r.Number].OrderBy(t => t.Number).Select(t => new RecordReview(t.Number, t.Verdict, t.ToAuthors))]))]);
    }

    private async Task<ReviewTask> OpenTaskAsync(OrganisationAccess access, Submission submission, CancellationToken ct)
    {
        var userId = rights.UserId;
        var task = await db.Set<ReviewTask>().SingleOrDefaultAsync(t => t.SubmissionId == submission.Id && t.Round == submission.Round && t.ReviewerUserId == userId
            && t.ReviewerOrganisationId == access.Organisation.Id, ct);
        return submission.Status == SubmissionStatus.UnderReview && task?.Status == ReviewTaskStatus.Asked ? task
            : throw RuleViolation.Conflict("review", "There is no review waiting for you in this round: it was sent, declined, or the round is closed.");
    }

    private static void RequireStatus(Submission submission, params SubmissionStatus[] allowed)
    {
        if (!allowed.Contains(submission.Status))
        {
            throw RuleViolation.Conflict("status", "The submission is not at the stage for this.");
        }
    }

    private async Task<Dictionary<Guid, ReviewerIdentity>> IdentitiesAsync(IReadOnlyList<ReviewTask> tasks, CancellationToken ct)
    {
        var userIds = tasks.Select(t => t.ReviewerUserId).Distinct().ToList();
        var organisationIds = tasks.Select(t => t.ReviewerOrganisationId).Distinct().ToList();
        var people = await db.Set<AppUser>().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return tasks.ToDictionary(t => t.Id, t => new ReviewerIdentity(people[t.ReviewerUserId].DisplayName, people[t.ReviewerUserId].Email ?? "", organisations[t.ReviewerOrganisationId]));
    }

    private async Task<Dictionary<Guid, SubmissionSummary>> SummariesAsync(OrganisationAccess access, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await (from s in db.Set<Submission>().AsNoTracking()
                          join n in db.Set<Network>() on s.NetworkId equals n.Id
                          join o in db.Set<Organisation>() on s.AuthorOrganisationId equals o.Id
                          where list.Contains(s.Id)
                          select new { s, Convener = n.ConvenerOrganisationId, Author = o.Name }).ToListAsync(ct);
        var userId = rights.UserId ?? "";
        var organisationId = access.Organisation.Id;
        var due = await db.Set<ReviewTask>().AsNoTracking()
            .Where(t => list.Contains(t.SubmissionId) && t.ReviewerUserId == userId && t.ReviewerOrganisationId == organisationId && t.Status == ReviewTaskStatus.Asked)
            .Select(t => new { t.SubmissionId, t.Round, t.DueOn }).ToListAsync(ct);
        return rows.ToDictionary(r => r.s.Id, r => new SubmissionSummary(r.s.Id, r.s.NetworkId, r.s.Title, r.s.Authors, r.Author, r.s.Status, r.s.Round, r.s.SubmittedAt,
            r.Convener == organisationId && access.Allows(MemberRole.Editor) ? SubmissionRole.Editor
            : r.s.AuthorOrganisationId == organisationId ? SubmissionRole.Author : SubmissionRole.Reviewer,
            r.s.Status == SubmissionStatus.UnderReview ? due.FirstOrDefault(d => d.SubmissionId == r.s.Id && d.Round == r.s.Round)?.DueOn : null));
    }
}
