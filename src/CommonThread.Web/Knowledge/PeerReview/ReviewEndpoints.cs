using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Knowledge.PeerReview;

public static class ReviewEndpoints
{
    /// <summary>Newest submission first.</summary>
    private static readonly ListOrder<SubmissionSummary> ListOrder = new ListOrder<SubmissionSummary>(s => s.Id).By(s => s.SubmittedAt, descending: true);

    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}/networks/{networkId:guid}/submissions").RequireOrganisationMember().WithTags("Peer review")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", async (Guid networkId, [AsParameters] ListWindow window, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, ListOrder, await reviews.ListAsync(http.OrganisationAccess(), networkId, ct))))
            .WithName("ListSubmissions").Paged("Newest first")
            .WithDescription("All of the network's submissions for its editor; the organisation's own, and those its caller was asked to review, for the others.");
        group.MapPost("", async (Guid networkId, SubmissionInput input, HttpContext http, ReviewService reviews, CancellationToken ct) =>
            {
                var submission = await reviews.SubmitAsync(http.OrganisationAccess(), networkId, input, ct);
                return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/networks/{networkId}/submissions/{submission.Submission.Id}", submission);
            }).RequireRole(MemberRole.Editor).WithName("SubmitForReview").WithDescription("A member organisation of a research network submits work; its convener edits the review.");
        group.MapGet("/{submissionId:guid}", async (Guid networkId, Guid submissionId, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.FindAsync(http.OrganisationAccess(), networkId, submissionId, ct))).WithName("GetSubmission")
            .WithDescription("Reviewers are named to the editor only; the authors read the reviews, numbered, once a round is decided; a reviewer reads their own review.");
        group.MapPost("/{submissionId:guid}/reviewers", async (Guid networkId, Guid submissionId, ReviewerRequest request, HttpContext http, ReviewService reviews,
                CancellationToken ct) => TypedResults.Ok(await reviews.AskReviewerAsync(http.OrganisationAccess(), networkId, submissionId, request, ct)))
            .RequireRole(MemberRole.Editor).WithName("AskReviewer")
            .WithDescription("The editor asks a person of a member organisation (not the authors') to review the round under way.");
        group.MapPost("/{submissionId:guid}/review", async (Guid networkId, Guid submissionId, ReviewInput input, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.ReviewAsync(http.OrganisationAccess(), networkId, submissionId, input, ct)))
            .WithName("SendReview").WithDescription("The person asked sends their review of the round under way.");
        group.MapPost("/{submissionId:guid}/review/decline", async (Guid networkId, Guid submissionId, HttpContext http, ReviewService reviews, CancellationToken ct) =>
            {
                await reviews.DeclineAsync(http.OrganisationAccess(), networkId, submissionId, ct);
                return TypedResults.NoContent();
            }).WithName("DeclineReview");
        group.MapPost("/{submissionId:guid}/decision", async (Guid networkId, Guid submissionId, DecisionInput input, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.DecideAsync(http.OrganisationAccess(), networkId, submissionId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("DecideSubmission");
        group.MapPost("/{submissionId:guid}/revision", async (Guid networkId, Guid submissionId, RevisionInput input, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.ReviseAsync(http.OrganisationAccess(), networkId, submissionId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("ReviseSubmission");
        group.MapPost("/{submissionId:guid}/withdrawal", async (Guid networkId, Guid submissionId, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.WithdrawAsync(http.OrganisationAccess(), networkId, submissionId, ct)))
            .RequireRole(MemberRole.Editor).WithName("WithdrawSubmission");
        group.MapPost("/{submissionId:guid}/publication", async (Guid networkId, Guid submissionId, HttpContext http, ReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.PublishAsync(http.OrganisationAccess(), networkId, submissionId, ct)))
            .RequireRole(MemberRole.Editor).WithName("PublishSubmission").WithDescription("The editor publishes an accepted paper to the library with its review record.");

        app.MapGet("/api/library/{documentId:guid}/review-record", async (Guid documentId, ReviewService reviews, CancellationToken ct) =>
                await reviews.RecordAsync(documentId, ct) is { } record ? Results.Ok(record) : throw RuleViolation.NotFound("review record"))
            .RequireAuthorization().WithTags("Knowledge library").WithName("GetReviewRecord")
            .WithDescription("How a peer-reviewed document was reviewed: rounds, decisions, the authors' answers and the reviews, reviewers numbered, never named.");
    }
}
