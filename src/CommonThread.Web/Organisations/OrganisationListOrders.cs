using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.Organisations;

/// <summary>The orders the organisation's own lists (members, invitations, tokens) are paged in.</summary>
public static class OrganisationListOrders
{
    public static readonly ListOrder<MemberView> Members = new ListOrder<MemberView>(m => m.UserId).By(m => m.DisplayName);

    public static readonly ListOrder<InvitationView> Invitations = new ListOrder<InvitationView>(i => i.Id).By(i => i.Email);

    public static readonly ListOrder<ApiTokenDto> Tokens = new ListOrder<ApiTokenDto>(t => t.Id).By(t => t.CreatedAt, descending: true);

    public static readonly ListOrder<MyInvitationDto> MyInvitations = new ListOrder<MyInvitationDto>(i => i.Id).By(i => i.OrganisationName);
}
