using Microsoft.AspNetCore.Components;

namespace CommonThread.Web.Organisations;

/// <summary>
/// Base for every page under <c>/o/{OrgId}</c>: resolves the caller's access through
/// <see cref="AccessService"/> and sets 404 or 403 before any of the organisation's data is loaded;
/// a member the organisation requires two-factor sign-in of, who has not set it up, is sent to set it up.
/// </summary>
public abstract class OrganisationPage : ComponentBase
{
    [Parameter] public Guid OrgId { get; set; }

    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;

    [Inject] protected AccessService AccessService { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected OrganisationAccess? Access { get; private set; }

    /// <summary>0 when the page may be shown; otherwise the status it answered with.</summary>
    protected int DeniedStatus { get; private set; }

    /// <summary>
    /// True once access is checked and the page's data loaded. Until then pages render nothing:
    /// an early render would start child components' queries on the same DbContext while the
    /// page's own are still running.
    /// </summary>
    protected bool Ready { get; private set; }

    protected virtual MemberRole NeededRole => MemberRole.Viewer;

    protected OrganisationAccess Allowed => Access ?? throw new InvalidOperationException("Checked before use.");

    protected sealed override async Task OnInitializedAsync()
    {
        Access = await AccessService.FindAsync(OrgId, HttpContext.RequestAborted);
        if (Access is { TwoFactorMissing: true })
        {
            // The member can mend this themselves: take them to the page that sets it up, which says why.
            DeniedStatus = StatusCodes.Status403Forbidden;
            Navigation.NavigateTo(OrganisationAccess.TwoFactorSetupPath, forceLoad: true);
            return;
        }

        DeniedStatus = Access is null ? StatusCodes.Status404NotFound
            : !Access.Allows(NeededRole) ? StatusCodes.Status403Forbidden
            : 0;
        if (DeniedStatus != 0)
        {
            HttpContext.Response.StatusCode = DeniedStatus;
            return;
        }

        await OnAllowedAsync();
        Ready = true;
    }

    /// <summary>Loads the page's data; runs only when the caller has the needed role.</summary>
    protected virtual Task OnAllowedAsync() => Task.CompletedTask;
}
