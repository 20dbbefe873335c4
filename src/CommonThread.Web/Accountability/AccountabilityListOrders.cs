using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.Accountability;

/// <summary>The orders the accountability API lists are paged in: each list's own default order, ended by the id.</summary>
public static class AccountabilityListOrders
{
    public static readonly ListOrder<AgreementDto> Agreements = new ListOrder<AgreementDto>(a => a.Id).By(a => a.StartsOn, descending: true);

    public static readonly ListOrder<FrameworkDto> Frameworks = new ListOrder<FrameworkDto>(f => f.Id).By(f => f.Name);

    public static readonly ListOrder<RoundDto> Rounds = new ListOrder<RoundDto>(r => r.Id).By(r => r.PeriodEnd, descending: true);

    public static readonly ListOrder<FlaggedCommentDto> FlaggedComments = new ListOrder<FlaggedCommentDto>(c => c.Id).By(c => c.Brand).By(c => c.Category);

    // Unanswered first, the soonest to close first.
    public static readonly ListOrder<FeedbackInvitationDto> FeedbackInvitations = new ListOrder<FeedbackInvitationDto>(i => i.Id)
        .By(i => i.Answered).By(i => i.ClosesOn).By(i => i.Brand);

    public static readonly ListOrder<PaymentDto> Payments = new ListOrder<PaymentDto>(p => p.Id).By(p => p.InvoiceDate, descending: true);
}
