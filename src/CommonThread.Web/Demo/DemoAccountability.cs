using CommonThread.Web.Accountability;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.Demo;

/// <summary>
/// A joint statement between Northwind and the Bangladesh federation, and Fair Threads' monitoring
/// round on the starter framework for the three demo brands: Northwind has reported four indicators
/// (one queried by the federation) and rated itself; Dhaka Knitwear and Mekong rated their brands,
/// and the release shows nothing yet because fewer than three suppliers answered for any brand.
/// Northwind and Dhaka Knitwear recorded invoices.
/// </summary>
public static class DemoAccountability
{
    public sealed record Services(AgreementService Agreements, RoundService Rounds, IndicatorReportService Reports, FeedbackService Feedback, FeedbackRelease Release,
        PaymentTermsService Payments);

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, Services s, TimeProvider clock, CancellationToken ct)
    {
        OrganisationAccess As(string name) => new(organisations[name], MemberRole.Owner);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var northwind = As("Northwind Apparel");
        var federation = As("Bangladesh Garment Workers Federation (demo)");
        var initiative = As("Fair Threads Initiative");

        var statement = await s.Agreements.CreateAsync(northwind, new AgreementInput(AgreementKind.JointStatement, "Joint statement on freedom of association and stable payment terms",
            today.AddMonths(-10), today.AddMonths(2), true, [new AgreementPartyInput(federation.Organisation.Id, false)],
            [
                "Respect freedom of association and collective bargaining at every supplier, and say so to suppliers in writing.",
                "Resolve conflicts at suppliers through social dialogue with the unions concerned.",
                "Keep payment terms to suppliers stable: no lengthening of agreed terms, no unagreed discounts.",
                "Rectify unfair actions against suppliers and unions when they are found.",
            ]), ct);
        await s.Agreements.CommentAsync(federation, statement.Id, statement.Commitments[2].Id,
            new CommitmentCommentInput("Dhaka Knitwear reports payment in 75 days against 60 agreed in the spring. Please explain at the next review.", CommitmentStatus.InProgress), ct);

        var round = await s.Rounds.CreateAsync(initiative, new RoundInput("2026 purchasing practices", FrameworkService.StarterId, today.AddMonths(-12), today.AddDays(-1), today.AddDays(30),
            today.AddDays(30), MonitoringRound.LowestThreshold,
            [
                new ParticipantInput(northwind.Organisation.Id, federation.Organisation.Id),
                new ParticipantInput(organisations["Meridian Outfitters"].Id, null),
                new ParticipantInput(organisations["Solstice Sportswear"].Id, null),
            ]), ct);
        var sheet = await s.Reports.SheetAsync(northwind, round.Id, northwind.Organisation.Id, ct);
        Guid Indicator(string code) => sheet.Lines.Single(l => l.Indicator.Code == code).Indicator.Id;
        await s.Reports.ReportAsync(northwind, round.Id, Indicator("PT1"), new ReportInput(60, "Standard terms in all supplier contracts since January."), ct);
        var onTime = await s.Reports.ReportAsync(northwind, round.Id, Indicator("PT2"), new ReportInput(88, "1,120 of 1,273 invoices paid on or before the due day."), ct);
        await s.Reports.ReportAsync(northwind, round.Id, Indicator("PF1"), new ReportInput(65, null), ct);
        await s.Reports.ReportAsync(northwind, round.Id, Indicator("TR1"), new ReportInput(92, "Buyers and merchandisers trained in March and September."), ct);
        await s.Reports.ReviewAsync(federation, round.Id, onTime.Lines.Single(l => l.Indicator.Code == "PT2").ReportId!.Value,
            new ReviewInput(ReportStatus.Queried, "Our members at Dhaka Knitwear describe later payments. Attach the payment ledger for Bangladesh."), ct);

        var ratings = FeedbackForm.Definition.AllQuestions.Where(q => q.ListName == "agreement").Select(q => q.Name).ToList();
        Dictionary<string, string> Answers(string degree, string? paymentComment = null)
        {
            var answers = ratings.ToDictionary(q => q, _ => degree);
            if (paymentComment is not null)
            {
                answers["payment_comment"] = paymentComment;
            }

            return answers;
        }

        foreach (var (supplier, degree) in new[] { ("Dhaka Knitwear Ltd", "disagree"), ("Mekong Garments Co.", "neutral") })
        {
            foreach (var invitation in await s.Feedback.InvitationsAsync(As(supplier), ct))
            {
                await s.Feedback.SubmitAsync(As(supplier), invitation.Id, new FeedbackAnswersInput("English (en)", Answers(degree, "Payment dates slip when the season is slow.")), ct);
            }
        }

        await s.Feedback.SelfAssessAsync(northwind, round.Id, new FeedbackAnswersInput("English (en)", Answers("agree")), ct);
        await s.Release.ReleaseAsync(initiative, round.Id, ct);

        var dhaka = organisations["Dhaka Knitwear Ltd"].Id;
        for (var i = 0; i < 6; i++)
        {
            var invoiced = today.AddDays(-40 - i * 30);
            await s.Payments.RecordAsync(northwind, new PaymentInput(dhaka, $"PO-NW-{2601 + i}", $"DK-{7301 + i}", 48_000 + i * 3_500, "USD", 60, invoiced,
                invoiced.AddDays(i % 3 == 0 ? 75 : 55) is var paid && paid <= today ? paid : null), ct);
        }

        await s.Payments.RecordAsync(As("Dhaka Knitwear Ltd"), new PaymentInput(northwind.Organisation.Id, null, "DK-7290", 51_200, "USD", 60, today.AddDays(-220), today.AddDays(-145)), ct);
    }
}
