using CommonThread.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Organisations;

/// <summary>Endpoint metadata: the least role an endpoint under <c>/api/organisations/{orgId}</c> needs.</summary>
public sealed record RequiresRole(MemberRole Minimum);

public static class OrganisationAccessFilter
{
    private const string ItemKey = "ct:organisation-access";

    /// <summary>
    /// Guards every endpoint of a route group that has an <c>{orgId}</c> parameter: 404 when the caller
    /// is not a member (or it does not exist), 403 when the role is too low or the organisation requires
    /// two-factor sign-in that the member has not set up. The endpoint's own
    /// <see cref="RequiresRole"/> (the most specific) decides the role; Viewer by default.
    /// </summary>
    public static RouteGroupBuilder RequireOrganisationMember(this RouteGroupBuilder group)
    {
        group.RequireAuthorization().WithMetadata(new RequiresRole(MemberRole.Viewer));
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var needed = http.GetEndpoint()?.Metadata.GetMetadata<RequiresRole>()?.Minimum ?? MemberRole.Owner;
            if (!Guid.TryParse(http.GetRouteValue("orgId") as string, out var orgId))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organisation not found");
            }

            var access = await http.RequestServices.GetRequiredService<AccessService>().FindAsync(orgId, http.RequestAborted);
            if (access is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organisation not found");
            }

            if (access.TwoFactorMissing)
            {
                // Said apart from a role refusal: the member can fix it themselves, at once.
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Two-factor sign-in required",
                    Detail = Organisations.OrganisationAccess.TwoFactorWords(access.Organisation).In(http.RequestServices.GetRequiredService<IStringLocalizer<Shell>>()),
                    Extensions = { ["twoFactorSetup"] = Organisations.OrganisationAccess.TwoFactorSetupPath },
                });
            }

            if (!access.Allows(needed))
            {
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = Organisations.OrganisationAccess.RoleNeeded(needed, access.Organisation).In(http.RequestServices.GetRequiredService<IStringLocalizer<Shell>>()),
                });
            }

            http.Items[ItemKey] = access;
            return await next(context);
        });
        return group;
    }

    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, MemberRole minimum)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequiresRole(minimum));

    /// <summary>The access the filter established for this request.</summary>
    public static OrganisationAccess OrganisationAccess(this HttpContext http) =>
        http.Items[ItemKey] as OrganisationAccess
        ?? throw new InvalidOperationException("Endpoint is not behind RequireOrganisationMember.");
}
