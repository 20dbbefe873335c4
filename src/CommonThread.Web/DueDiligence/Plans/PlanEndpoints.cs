using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence.Plans;

public static class PlanEndpoints
{
    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Due diligence")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/risk-plans", async ([AsParameters] ListWindow window, HttpContext http, PlanService plans, IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, DueDiligenceListOrders.Plans, (await plans.ListAsync(http.OrganisationAccess(), ct)).Select(v => PlanDto.From(v, text, Today(clock))))))
            .WithName("ListRiskPlans").Paged("The organisation's own plans first, oldest first", "Action plans for the impacts of the register, then (for a union) the plans it was invited to review, then (for a supplier) the plans shared with it as a facility's operator.");
        group.MapPost("/risk-plans", async (PlanInput input, HttpContext http, PlanService plans, IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            var plan = await plans.CreateAsync(access, input, ct);
            return TypedResults.Created($"/api/organisations/{access.Organisation.Id}/risk-plans/{plan.Id}", PlanDto.From(await plans.FindAsync(access, plan.Id, ct), text, Today(clock)));
        }).RequireRole(MemberRole.Editor).WithName("CreateRiskPlan").WithDescription("A plan for one impact of the register; template \"foa-action-route\" draws the freedom-of-association route's goals.");
        group.MapGet("/risk-plans/{riskPlanId:guid}", async (Guid riskPlanId, HttpContext http, PlanService plans, IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(PlanDto.From(await plans.FindAsync(http.OrganisationAccess(), riskPlanId, ct), text, Today(clock)))).WithName("GetRiskPlan");
        group.MapPut("/risk-plans/{riskPlanId:guid}/goals/{goalId:guid}", async (Guid riskPlanId, Guid goalId, GoalUpdateInput input, HttpContext http, PlanService plans,
            IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await plans.UpdateGoalAsync(access, riskPlanId, goalId, input, ct);
            return TypedResults.Ok(PlanDto.From(await plans.FindAsync(access, riskPlanId, ct), text, Today(clock)));
        }).RequireRole(MemberRole.Editor).WithName("UpdateRiskPlanGoal");
        group.MapPost("/risk-plans/{riskPlanId:guid}/goals/{goalId:guid}/measurements", async (Guid riskPlanId, Guid goalId, MeasurementInput input, HttpContext http,
            PlanService plans, IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await plans.MeasureAsync(access, riskPlanId, goalId, input, ct);
            return TypedResults.Ok(PlanDto.From(await plans.FindAsync(access, riskPlanId, ct), text, Today(clock)));
        }).RequireRole(MemberRole.Editor).WithName("MeasureRiskPlanGoal").WithDescription("An indicator's value on a day: effectiveness followed over time.");
        group.MapPost("/risk-plans/{riskPlanId:guid}/reviewers", async (Guid riskPlanId, ReviewerInput input, HttpContext http, PlanService plans,
            IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await plans.InviteReviewerAsync(access, riskPlanId, input, ct);
            return TypedResults.Ok(PlanDto.From(await plans.FindAsync(access, riskPlanId, ct), text, Today(clock)));
        }).RequireRole(MemberRole.Editor).WithName("InviteRiskPlanReviewer").WithDescription("Asks a union verified where the impact is to review the plan.");
        group.MapPost("/risk-plans/{riskPlanId:guid}/operator", async (Guid riskPlanId, HttpContext http, PlanService plans, IStringLocalizer<Shell> text, TimeProvider clock,
            CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await plans.ShareWithOperatorAsync(access, riskPlanId, ct);
            return TypedResults.Ok(PlanDto.From(await plans.FindAsync(access, riskPlanId, ct), text, Today(clock)));
        }).RequireRole(MemberRole.Editor).WithName("ShareRiskPlanWithOperator")
            .WithDescription("Shares a plan for one facility's impact with the supplier running the facility: it reads the plan and comments while the link stays confirmed.");
        group.MapPost("/risk-plans/{riskPlanId:guid}/comments", async (Guid riskPlanId, PlanCommentInput input, HttpContext http, PlanService plans,
            IStringLocalizer<Shell> text, TimeProvider clock, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await plans.CommentAsync(access, riskPlanId, input, ct);
            return TypedResults.Ok(PlanDto.From(await plans.FindAsync(access, riskPlanId, ct), text, Today(clock)));
        }).RequireRole(MemberRole.Editor).WithName("CommentOnRiskPlan");
        group.MapGet("/risk-plans/{riskPlanId:guid}/linked-work", async (Guid riskPlanId, [AsParameters] ListWindow window, HttpContext http, LinkedWorkService work,
                IStringLocalizer<Shell> text, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, DueDiligenceListOrders.LinkedWork, (await work.ForPlanAsync(http.OrganisationAccess(), riskPlanId, ct)).Select(w => LinkedWorkDto.From(w, text)))))
            .WithName("ListRiskPlanLinkedWork").Paged("In the order it was linked",
                "The corrective action plans, questionnaires, homework action plans and agreement commitments the plan counts, each as far as the caller may read it where it is kept.");
        group.MapGet("/risk-plans/{riskPlanId:guid}/linkable-work", async (Guid riskPlanId, [AsParameters] ListWindow window, HttpContext http, PlanService plans,
                LinkedWorkService work, IStringLocalizer<Shell> text, CancellationToken ct) =>
            {
                var access = http.OrganisationAccess();
                var candidates = await work.CandidatesAsync(access, await plans.FindAsync(access, riskPlanId, ct), ct);
                return TypedResults.Ok(window.Answer(http, DueDiligenceListOrders.LinkableWork, candidates.Select(w => LinkableWorkDto.From(w, text))));
            })
            .WithName("ListRiskPlanLinkableWork").Paged("By kind, newest first within each kind",
                $"For the plan's owner: its work where the impact is, not yet linked (at most {LinkedWorkService.MaxCandidates}); empty for anyone else.");
        group.MapPost("/risk-plans/{riskPlanId:guid}/linked-work", async (Guid riskPlanId, LinkWorkInput input, HttpContext http, LinkedWorkService work, IStringLocalizer<Shell> text,
                CancellationToken ct) =>
            {
                var access = http.OrganisationAccess();
                var linked = await work.LinkAsync(access, riskPlanId, input, ct);
                return TypedResults.Created($"/api/organisations/{access.Organisation.Id}/risk-plans/{riskPlanId}/linked-work/{linked.Id}", LinkedWorkDto.From(linked, text));
            }).RequireRole(MemberRole.Editor).WithName("LinkWorkToRiskPlan").WithDescription("Counts work the owner follows elsewhere on the platform as part of the plan.");
        group.MapDelete("/risk-plans/{riskPlanId:guid}/linked-work/{linkedWorkId:guid}", async (Guid riskPlanId, Guid linkedWorkId, HttpContext http, LinkedWorkService work, CancellationToken ct) =>
            {
                await work.UnlinkAsync(http.OrganisationAccess(), riskPlanId, linkedWorkId, ct);
                return TypedResults.NoContent();
            }).RequireRole(MemberRole.Editor).WithName("UnlinkWorkFromRiskPlan");
        group.MapGet("/plan-templates", () => TypedResults.Ok(new { PlanTemplates.Version, Templates = PlanTemplates.All.Values }))
            .WithName("ListPlanTemplates").WithDescription("The plan templates (the freedom-of-association action route) with their version.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
