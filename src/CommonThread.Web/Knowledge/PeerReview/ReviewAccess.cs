using CommonThread.Data;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.PeerReview;

/// <summary>
/// Who may do what with a submission: the one policy the review service calls. The editor is the research network's
/// convener (its editors); the authors are the organisation that submitted; a reviewer is the one person asked, reading in
/// the member organisation they were asked through. Anyone else, another member of the network or the reviewer's own
/// colleagues included, does not find the submission: work under review is not told about.
/// </summary>
public sealed class ReviewAccess(AppDbContext db, NetworkAccess networks, CurrentUser me)
{
    /// <summary>A member submits to a research network; the convener, which edits it, does not submit to itself.</summary>
    public async Task<Network> RequireSubmitterAsync(OrganisationAccess access, Guid networkId, CancellationToken ct)
    {
        var network = await networks.RequireMemberAsync(access, networkId, MemberRole.Editor, ct);
        if (network.Kind != NetworkKind.ResearchNetwork)
        {
            throw new RuleViolation("network", Phrase.Of("Only a research network reviews submissions."), StatusCodes.Status409Conflict);
        }

        return network.ConvenerOrganisationId != access.Organisation.Id ? network
            : throw new RuleViolation("network", Phrase.Of("The network's editor does not submit to the network it edits."), StatusCodes.Status403Forbidden);
    }

    /// <summary>The submission and the caller's part in it; not found for anyone without one.</summary>
    public async Task<(Network Network, Submission Submission, SubmissionRole Role)> RoleAsync(OrganisationAccess access, Guid networkId, Guid submissionId, CancellationToken ct)
    {
        access.Require(MemberRole.Viewer);
        var found = await (from s in db.Set<Submission>()
                           join n in db.Set<Network>() on s.NetworkId equals n.Id
                           where s.Id == submissionId && s.NetworkId == networkId
                           select new { s, n }).SingleOrDefaultAsync(ct) ?? throw RuleViolation.NotFound("submission");
        // Reviewers' names are the editors' alone: the convener's viewers read nothing of the editorial office.
        if (found.n.ConvenerOrganisationId == access.Organisation.Id && access.Allows(MemberRole.Editor))
        {
            return (found.n, found.s, SubmissionRole.Editor);
        }

        if (found.s.AuthorOrganisationId == access.Organisation.Id)
        {
            return (found.n, found.s, SubmissionRole.Author);
        }

        var userId = me.UserId;
        var asked = userId is not null && await db.Set<ReviewTask>().AnyAsync(t => t.SubmissionId == submissionId && t.ReviewerUserId == userId
            && t.ReviewerOrganisationId == access.Organisation.Id && t.Status != ReviewTaskStatus.Declined, ct);
        return asked ? (found.n, found.s, SubmissionRole.Reviewer) : throw RuleViolation.NotFound("submission");
    }

    /// <summary>The submission, for a change only a party in <paramref name="role"/> makes (with the Editor role in its organisation).</summary>
    public async Task<(Network Network, Submission Submission)> RequireAsync(OrganisationAccess access, Guid networkId, Guid submissionId, SubmissionRole role,
        CancellationToken ct)
    {
        var (network, submission, actual) = await RoleAsync(access, networkId, submissionId, ct);
        if (actual != role)
        {
            throw role switch
            {
                SubmissionRole.Editor => new RuleViolation("submission", Phrase.Of("Only the network's editor does this."), StatusCodes.Status403Forbidden),
                SubmissionRole.Author => new RuleViolation("submission", Phrase.Of("Only the authors' organisation does this."), StatusCodes.Status403Forbidden),
                _ => new RuleViolation("submission", Phrase.Of("Only the reviewer asked does this."), StatusCodes.Status403Forbidden),
            };
        }

        // A reviewer acts as a person: the review is theirs, whatever their role in the organisation.
        if (role != SubmissionRole.Reviewer)
        {
            access.Require(MemberRole.Editor);
        }

        return (network, submission);
    }

    /// <summary>The submissions of a network the caller has a part in: all for the editor, its own for an author, those it was asked to review for a reviewer.</summary>
    public async Task<IQueryable<Submission>> VisibleAsync(OrganisationAccess access, Guid networkId, CancellationToken ct)
    {
        var (network, _) = await networks.StandingAsync(access.Organisation.Id, networkId, ct);
        var submissions = db.Set<Submission>().AsNoTracking().Where(s => s.NetworkId == networkId);
        if (network.ConvenerOrganisationId == access.Organisation.Id && access.Allows(MemberRole.Editor))
        {
            return submissions;
        }

        var organisationId = access.Organisation.Id;
        var userId = me.UserId ?? "";
        return submissions.Where(s => s.AuthorOrganisationId == organisationId || db.Set<ReviewTask>().Any(t => t.SubmissionId == s.Id && t.ReviewerUserId == userId
            && t.ReviewerOrganisationId == organisationId && t.Status != ReviewTaskStatus.Declined));
    }

    public string? UserId => me.UserId;
}
