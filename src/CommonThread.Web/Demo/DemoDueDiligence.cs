using CommonThread.Data;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.Engagement;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.DueDiligence.RiskMethods;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Demo;

/// <summary>
/// Northwind's risk register: the dismissal of organisers at Dhaka Knitwear, reported by the federation
/// verified there, which comments on it; overtime at Mekong; and what Northwind's records propose that it
/// took in (country risk for homework in Bangladesh, the homework order paid below the minimum wage).
/// The federation also raises an impact of its own, which Northwind and Meridian are offered. The route counts the
/// first two commitments of Northwind's joint statement with the federation among its steps.
/// </summary>
public static class DemoDueDiligence
{
    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, AppDbContext db, RiskRegisterService register, PlanService plans, LinkedWorkService linkedWork, EngagementService engagements, IStringLocalizer text, TimeProvider clock, CancellationToken ct)
    {
        var northwind = new OrganisationAccess(organisations["Northwind Apparel"], MemberRole.Owner);
        var federation = new OrganisationAccess(organisations["Bangladesh Garment Workers Federation (demo)"], MemberRole.Owner);
        var facilities = await db.Set<Facility>().ToDictionaryAsync(f => f.Name, f => f.Id, ct);
        var dhaka = facilities["Dhaka Knitwear Unit 1"];

        var dismissals = await register.RaiseAsync(northwind, new ImpactInput
        {
            FacilityId = dhaka, Issue = HumanRightsIssue.FreedomOfAssociation, Nature = ImpactNature.Actual, Title = "Union organisers dismissed at Dhaka Knitwear Unit 1",
            Description = "Two members of the factory union's committee were dismissed after the union asked to bargain over the peak-season overtime.",
            Scale = 4, Scope = 3, Irremediability = 3, Likelihood = 5,
        }, ct);
        await register.RaiseAsync(northwind, new ImpactInput
        {
            FacilityId = facilities["Mekong Garments Long An Factory"], Issue = HumanRightsIssue.WorkingTime, Nature = ImpactNature.Potential,
            Title = "Excessive overtime in the peak season at Long An", Description = "Our order lead times shorten in August and September; the factory has no second shift.",
            Scale = 3, Scope = 4, Irremediability = 2, Likelihood = 4,
        }, ct);
        foreach (var key in new[] { "country:BD:Homework", $"homework-wage:{dhaka}" })
        {
            if ((await register.ProposalsAsync(northwind, ct)).Any(p => p.Key == key))
            {
                await register.AcceptAsync(northwind, new ProposalAcceptInput { Key = key, Title = key.StartsWith("country:", StringComparison.Ordinal)
                    ? "Homeworkers in Bangladesh without the protection of ILO C177" : "Homework paid below the minimum wage under Dhaka Knitwear" }, text, ct);
            }
        }

        await register.CommentAsync(federation, dismissals.Id, new ImpactCommentInput
        {
            Text = "Reinstatement with back pay is the remedy we ask for; the committee can meet the buyer's representative in Gazipur.",
        }, ct);
        // The freedom-of-association route for the dismissals, reviewed by the federation; the first goal measured twice.
        var route = await plans.CreateAsync(northwind, new PlanInput { ImpactId = dismissals.Id, Title = "Freedom of association at Dhaka Knitwear", Template = "foa-action-route" }, ct);
        await plans.InviteReviewerAsync(northwind, route.Id, new ReviewerInput { UnionOrganisationId = federation.Organisation.Id }, ct);
        var first = (await plans.FindAsync(northwind, route.Id, ct)).Goals[0].Goal;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await plans.MeasureAsync(northwind, route.Id, first.Id, new MeasurementInput { On = today.AddMonths(-2), Value = 40, Note = "2 of 5 tier-1 facilities" }, ct);
        await plans.MeasureAsync(northwind, route.Id, first.Id, new MeasurementInput { On = today, Value = 80, Note = "4 of 5 tier-1 facilities" }, ct);
        await plans.UpdateGoalAsync(northwind, route.Id, first.Id, new GoalUpdateInput { Status = GoalStatus.InProgress, Owner = first.Owner, DueOn = first.DueOn, Progress = "Mekong's answer is awaited." }, ct);
        await plans.CommentAsync(federation, route.Id, new PlanCommentInput { Text = "Goal 3 should name reinstatement of the two committee members as the corrective action." }, ct);
        // The joint statement's commitments to freedom of association and to social dialogue count as steps of the route.
        var commitments = (await linkedWork.CandidatesAsync(northwind, await plans.FindAsync(northwind, route.Id, ct), ct))
            .Where(w => w.Kind == LinkedWorkKind.AgreementCommitment).Take(2).ToList();
        foreach (var commitment in commitments)
        {
            await linkedWork.LinkAsync(northwind, route.Id, new LinkWorkInput { Kind = commitment.Kind, RecordId = commitment.RecordId }, ct);
        }

        await engagements.RecordAsync(northwind, new EngagementInput
        {
            HeldOn = today.AddDays(-10), Kind = EngagementKind.Meeting, Subject = "Dismissals at Dhaka Knitwear Unit 1", ImpactId = dismissals.Id,
            Raised = "The federation asked for the two committee members to be reinstated with back pay and for the peak-season overtime to be bargained.",
            Done = "Dhaka Knitwear agreed to review the dismissals with the federation within 30 days; Northwind will move the August order forward by two weeks.",
            PartyIds = [federation.Organisation.Id, organisations["Dhaka Knitwear Ltd"].Id],
        }, ct);

        await register.RaiseAsync(federation, new ImpactInput
        {
            FacilityId = dhaka, Issue = HumanRightsIssue.GenderBasedViolence, Nature = ImpactNature.Potential, Title = "No working harassment committee at Dhaka Knitwear Unit 1",
            Description = "Women members say the committee required by the High Court guidelines has not met this year.", Scale = 3, Scope = 3, Irremediability = 3, Likelihood = 3,
        }, ct);
    }
    /// <summary>Fair Threads publishes a country risk method of its own that weighs the ITUC rating more; Northwind keeps the platform's.</summary>
    public static Task PublishRiskMethodAsync(IReadOnlyDictionary<string, Organisation> organisations, RiskMethodService methods, CancellationToken ct) =>
        methods.PublishAsync(new OrganisationAccess(organisations["Fair Threads Initiative"], MemberRole.Owner), new RiskMethodInput
        {
            Name = "Fair Threads worker voice", Version = "2026.1", EffectiveFrom = new DateOnly(2026, 1, 1),
            About = "Ratification is a promise; the ITUC rating records whether workers can use their rights. Fair Threads weighs the rating more than the platform's own method does.",
            Weights = new()
            {
                ["FreedomOfAssociation"] = new() { ["ituc"] = 0.8, ["C87"] = 0.1, ["C98"] = 0.1 },
                ["ChildLabour"] = new() { ["ituc"] = 0.4, ["C138"] = 0.3, ["C182"] = 0.3 },
                ["ForcedLabour"] = new() { ["ituc"] = 0.4, ["C29"] = 0.3, ["C105"] = 0.3 },
                ["Wages"] = new() { ["ituc"] = 0.7, ["C98"] = 0.3 },
                ["WorkingTime"] = new() { ["ituc"] = 0.7, ["C98"] = 0.3 },
                ["HealthAndSafety"] = new() { ["ituc"] = 0.4, ["C155"] = 0.3, ["C187"] = 0.3 },
                ["GenderBasedViolence"] = new() { ["ituc"] = 0.5, ["C190"] = 0.5 },
                ["Discrimination"] = new() { ["ituc"] = 0.6, ["C190"] = 0.4 },
                ["Homework"] = new() { ["ituc"] = 0.5, ["C177"] = 0.5 },
            },
        }, ct);
}
