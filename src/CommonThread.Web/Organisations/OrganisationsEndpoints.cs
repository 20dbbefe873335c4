using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommonThread.Web.Organisations;

public static class OrganisationsEndpoints
{
    public static void MapOrganisationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe).RequireAuthorization().WithTags("Organisations").WithName("GetMe");

        var admin = app.MapGroup("/api/admin/organisations").RequireAuthorization().WithTags("Platform administration");
        admin.MapGet("/", ListAll).WithName("ListAllOrganisations");
        admin.MapPost("/", Create).WithName("CreateOrganisation");
        app.MapGet("/api/admin/jobs", ListJobs).RequireAuthorization().WithTags("Platform administration").WithName("ListPeriodicJobs")
            .WithDescription("Every periodic job of the deployment: its last run on any node (start, end, failure, node), failures in the last day, and its next run.");

        // The organisation switcher's form (works without JavaScript); the target page checks access.
        app.MapGet("/switch", (Guid orgId) => Results.LocalRedirect($"/o/{orgId}")).ExcludeFromDescription();

        app.MapGet("/api/organisations", ListMine).RequireAuthorization().WithTags("Organisations").WithName("ListMyOrganisations");
        var one = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Organisations")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        one.MapGet("/", (HttpContext http) => TypedResults.Ok(Dto(http.OrganisationAccess()))).WithName("GetOrganisation");
        one.MapPatch("/", Update).RequireRole(MemberRole.Owner).WithName("UpdateOrganisation");
        one.MapPut("/two-factor", async (TwoFactorRequirementRequest request, HttpContext http, OrganisationService organisations, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            return TypedResults.Ok(OrganisationDto.From(await organisations.SetTwoFactorRequirementAsync(access, request.Required!.Value, ct), access.Role));
        }).RequireRole(MemberRole.Owner).WithName("SetTwoFactorRequirement");

        one.MapMembersEndpoints();
        one.MapApiTokensEndpoints();
        app.MapMyInvitationsEndpoints();
        one.MapGet("/audit", ListAudit).RequireRole(MemberRole.Owner).WithName("ListAuditTrail")
            .WithDescription("Newest first; paged by limit and cursor: the total is in X-Total-Count and the next page in the Link header.");
    }

    private static OrganisationDto Dto(OrganisationAccess a) => OrganisationDto.From(a.Organisation, a.Role);

    private static async Task<Ok<MeDto>> GetMe(CurrentUser me, AccessService access, CancellationToken ct) =>
        TypedResults.Ok(new MeDto(me.UserId!, me.ActorName, (await access.MineAsync(ct)).Select(Dto).ToList()));

    private static async Task<Ok<List<OrganisationDto>>> ListMine(AccessService access, CancellationToken ct) =>
        TypedResults.Ok((await access.MineAsync(ct)).Select(Dto).ToList());

    private static async Task<Results<Ok<List<OrganisationDto>>, ProblemHttpResult>> ListAll(
        AccessService access, OrganisationService organisations, CancellationToken ct) =>
        NotPlatformAdmin(await access.PlatformAdminStandingAsync(ct)) is { } refused
            ? refused
            : TypedResults.Ok((await organisations.ListAllAsync(ct)).Select(o => OrganisationDto.From(o, null)).ToList());

    private static async Task<Results<Ok<List<JobStatusDto>>, ProblemHttpResult>> ListJobs(AccessService access, JobStatus jobs, CancellationToken ct) =>
        NotPlatformAdmin(await access.PlatformAdminStandingAsync(ct), "Only platform administrators see the periodic jobs.") is { } refused
            ? refused
            : TypedResults.Ok(await jobs.ListAsync(ct));

    private static async Task<Results<Created<CreatedOrganisationDto>, ProblemHttpResult>> Create(
        CreateOrganisationRequest request, AccessService access, MembershipService members, HttpContext http, CancellationToken ct)
    {
        if (NotPlatformAdmin(await access.PlatformAdminStandingAsync(ct)) is { } refused)
        {
            return refused;
        }

        var (organisation, invite) = await members.CreateOrganisationWithOwnerAsync(request.Name, request.Kind!.Value, request.CountryCode, request.OwnerEmail, ct);
        return TypedResults.Created($"/api/organisations/{organisation.Id}",
            new CreatedOrganisationDto(OrganisationDto.From(organisation, null), MembersEndpoints.InvitationUrl(http, invite.Secret)));
    }

    private static async Task<Ok<OrganisationDto>> Update(UpdateOrganisationRequest request, HttpContext http, OrganisationService organisations, CancellationToken ct)
    {
        var access = http.OrganisationAccess();
        var updated = await organisations.UpdateAsync(access, request.Name, request.CountryCode, ct);
        return TypedResults.Ok(OrganisationDto.From(updated, access.Role));
    }

    // take is the limit's older name, still read so clients written before paging keep working.
    private static async Task<Ok<List<AuditEntryDto>>> ListAudit(HttpContext http, Platform.Audit.AuditLog audit, [AsParameters] ListWindow window, string? take, CancellationToken ct)
    {
        var page = await audit.PageAsync(http.OrganisationAccess().Organisation.Id, window.Cursor, ListPaging.Limit(window.Limit ?? take), ct);
        ListPaging.Describe(http, page.Total, page.Next);
        return TypedResults.Ok(page.Items.Select(AuditEntryDto.From).ToList());
    }

    private static ProblemHttpResult? NotPlatformAdmin(PlatformAdminStanding standing, string refusal = "Only platform administrators manage the list of organisations.") => standing switch
    {
        PlatformAdminStanding.Admin => null,
        PlatformAdminStanding.NeedsTwoFactor => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor sign-in required",
            detail: $"Platform administrators must use two-factor sign-in. Turn it on at {OrganisationAccess.TwoFactorSetupPath} first.",
            extensions: new Dictionary<string, object?> { ["twoFactorSetup"] = OrganisationAccess.TwoFactorSetupPath }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refusal),
    };
}
