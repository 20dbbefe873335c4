using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.Grievances;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform.PageForms;

/// <summary>
/// An organisation whose pages are attacked, with its own owner (who sees every form, so the matrix
/// learns the forms' fields from them), a viewer, and the ids of its own records that fill the routes.
/// </summary>
public sealed partial record FormMatrixVictim(Organisation Organisation, HttpClient Owner, TestMember Viewer, HttpClient ViewerClient, IReadOnlyDictionary<string, Guid> Ids)
{
    /// <summary>The route with this victim's ids, or null when it has no record of a kind the route needs.</summary>
    public string? Url(string route)
    {
        var missing = false;
        var url = RouteValue().Replace(route, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "UserId")
            {
                return Viewer.UserId; // the owner's page about the viewer: the form changes the viewer's role or removes them
            }

            if (name == "Stage")
            {
                return "before"; // a participant's test before the training
            }

            // The peer-review pages are of a research network: the first network of an organisation may be a task force.
            if (name == "NetworkId" && route.Contains("/submi", StringComparison.Ordinal))
            {
                name = "ResearchNetworkId";
            }

            missing |= !Ids.ContainsKey(name);
            return Ids.TryGetValue(name, out var id) ? id.ToString() : "";
        });
        return missing ? null : url;
    }

    /// <summary>Every demo organisation in turn the victim; ids are the first of each record it is party to.</summary>
    public static async Task<IReadOnlyList<FormMatrixVictim>> AllAsync(TestApp app)
    {
        var organisations = await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking()
            .Where(o => !o.Name.StartsWith("Test ")).OrderBy(o => o.Name).ToListAsync());
        var victims = new List<FormMatrixVictim>();
        foreach (var organisation in organisations)
        {
            var owner = await app.NewMemberAsync(organisation.Name, MemberRole.Owner);
            var viewer = await app.NewMemberAsync(organisation.Name, MemberRole.Viewer);
            victims.Add(new(organisation, await app.SignedInAsync(owner.Email, TestMember.Password), viewer,
                await app.SignedInAsync(viewer.Email, TestMember.Password), await IdsAsync(app, organisation.Id)));
        }

        return victims;
    }

    private static Task<Dictionary<string, Guid>> IdsAsync(TestApp app, Guid o) => app.WithDbAsync(async db =>
    {
        var ids = new Dictionary<string, Guid> { ["OrgId"] = o };
        async Task Add(string name, IQueryable<Guid> candidates)
        {
            var found = await candidates.Take(1).ToListAsync();
            if (found.Count > 0)
            {
                ids[name] = found[0];
            }
        }

        await Add("FacilityId", db.Set<Facility>().Where(f => f.OperatorOrganisationId == o).Select(f => f.Id)
            .Concat(db.Set<SupplyLink>().Where(l => l.BuyerOrganisationId == o && l.Status == LinkStatus.Confirmed).Select(l => l.FacilityId)));
        await Add("CaseId", db.Set<CaseParty>().Where(p => p.OrganisationId == o).Select(p => p.CaseId));
        await Add("PlanId", db.Set<CorrectiveActionPlan>().Where(p => p.FollowedByOrganisationId == o || p.SupplierOrganisationId == o).Select(p => p.Id));
        await Add("AgreementId", db.Set<AgreementParty>().Where(p => p.OrganisationId == o).Select(p => p.AgreementId));
        // An agreement naming the organisation as a party yet to confirm: its page asks the question.
        // Else one it recorded: its page offers to withdraw it.
        await Add("CbaId", db.Set<CommonThread.Web.Knowledge.CollectiveAgreements.CbaParty>().Where(p => p.OrganisationId == o && p.ConfirmedOn == null).Select(p => p.AgreementId)
            .Concat(db.Set<CommonThread.Web.Knowledge.CollectiveAgreements.CollectiveAgreement>().Where(a => a.RecordedByOrganisationId == o).Select(a => a.Id)));
        await Add("NetworkId", db.Set<CommonThread.Web.Knowledge.Networks.NetworkMember>()
            .Where(m => m.OrganisationId == o && (m.Status == CommonThread.Web.Knowledge.Networks.MembershipStatus.Joined || m.Status == CommonThread.Web.Knowledge.Networks.MembershipStatus.Invited))
            .Select(m => m.NetworkId));
        // Where the organisation submits (a member, not the convener) or edits: the editor's forms show on a paper under
        // review, the authors' on one sent back to them for revision.
        await Add("ResearchNetworkId", db.Set<CommonThread.Web.Knowledge.Networks.NetworkMember>()
            .Where(m => m.OrganisationId == o && m.Status == CommonThread.Web.Knowledge.Networks.MembershipStatus.Joined)
            .Join(db.Set<CommonThread.Web.Knowledge.Networks.Network>().Where(n => n.Kind == CommonThread.Web.Knowledge.Networks.NetworkKind.ResearchNetwork), m => m.NetworkId, n => n.Id, (m, n) => n)
            .OrderBy(n => n.ConvenerOrganisationId == o).Select(n => n.Id));
        await Add("SubmissionId", db.Set<CommonThread.Web.Knowledge.PeerReview.Submission>()
            .Where(s => (s.AuthorOrganisationId == o && s.Status == CommonThread.Web.Knowledge.PeerReview.SubmissionStatus.RevisionsRequested)
                || (s.Status == CommonThread.Web.Knowledge.PeerReview.SubmissionStatus.UnderReview
                    && db.Set<CommonThread.Web.Knowledge.Networks.Network>().Any(n => n.Id == s.NetworkId && n.ConvenerOrganisationId == o)))
            .Select(s => s.Id));
        await Add("ProgrammeId", db.Set<CommonThread.Web.Knowledge.Training.TrainingProgramme>().Where(p => p.OrganiserOrganisationId == o).Select(p => p.Id));
        await Add("ParticipantId", db.Set<CommonThread.Web.Knowledge.Training.Participant>()
            .Where(p => db.Set<CommonThread.Web.Knowledge.Training.TrainingProgramme>().Any(x => x.Id == p.ProgrammeId && x.OrganiserOrganisationId == o)).Select(p => p.Id));
        await Add("RoundId", db.Set<MonitoringRound>().Where(r => r.InitiativeOrganisationId == o).Select(r => r.Id)
            .Concat(db.Set<RoundParticipant>().Where(p => p.BrandOrganisationId == o || p.ReviewerOrganisationId == o).Select(p => p.RoundId)));
        await Add("InvitationId", db.Set<FeedbackInvitation>().Where(i => i.SupplierOrganisationId == o).Select(i => i.Id));
        await Add("AssignmentId", db.Set<Assignment>().Where(a => a.RespondentOrganisationId == o || a.AssignedByOrganisationId == o).Select(a => a.Id));
        await Add("HomeworkerId", db.Set<Homeworker>().Where(h => h.OrganisationId == o).Select(h => h.Id));
        await Add("ImportId", db.Set<FacilityImport>().Where(i => i.OrganisationId == o).Select(i => i.Id));
        return ids;
    });

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\}")]
    private static partial Regex RouteValue();
}
