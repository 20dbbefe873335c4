using System.Security.Claims;
using CommonThread.Data;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Knowledge.PeerReview;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Demo;

/// <summary>
/// The environmental research network: convened (and edited) by the initiative, joined by the two unions and the employers'
/// association. One paper went through two rounds and is in the library with its review record; one waits for the
/// employers' association's reviewer (sign in as its owner to write the review); one waits for its authors' revision.
/// </summary>
public static class DemoPeerReview
{
    public const string Network = "Environmental research network (demo)";
    public const string PublishedPaper = "Rooftop solar and energy costs in Bangladeshi knitwear factories (demo)";
    public const string PaperUnderReview = "Water use in Cambodian denim laundries (demo)";
    public const string PaperToRevise = "Women's jobs in the move to low-carbon production (demo)";

    public sealed record Services(NetworkService Networks, ReviewService Reviews, AppDbContext Db, IHttpContextAccessor Http);

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, Services services, DateOnly today, CancellationToken ct)
    {
        OrganisationAccess As(string name) => new(organisations[name], MemberRole.Owner);
        var editor = As("Fair Threads Initiative");
        var federation = As("Bangladesh Garment Workers Federation (demo)");
        var cambodians = As("Cambodian Apparel Workers Union (demo)");
        var employers = As("Garment Employers' Association (demo)");
        var network = await services.Networks.CreateAsync(editor, new NetworkInput
        {
            Title = Network, Kind = NetworkKind.ResearchNetwork, Theme = KnowledgeTheme.Environment,
            Purpose = "Researchers of unions, employers and the initiative study what the move to low-carbon, low-water production means for garment workers, and review each other's work before it is published.",
        }, ct);
        foreach (var member in new[] { federation, cambodians, employers })
        {
            await services.Networks.InviteAsync(editor, network.Id, new NetworkInvitation(member.Organisation.Id), ct);
            await services.Networks.AnswerAsync(member, network.Id, join: true, ct);
        }

        var arif = DemoAccounts.All.Single(a => a.Name == employers.Organisation.Name).OwnerEmail;
        var dara = DemoAccounts.All.Single(a => a.Name == cambodians.Organisation.Name).OwnerEmail;

        var published = await SubmitAsync(services, federation, network.Id, PublishedPaper, "K. Roy, M. Islam",
            "Twelve knitwear factories that put solar panels on their roofs, what it cost, what it saved, and what it changed for the people who work there.",
            "Twelve factories in Gazipur and Narayanganj installed between 150 kW and 1.2 MW of rooftop solar between 2022 and 2025. Their electricity bills fell by 11 to 23 per cent.\n\nNone of the savings was passed on in wages; two factories used them to avoid overtime cuts in the lean season. Workers were not consulted on the installations, and in three factories the roofs used for breaks were closed.",
            ["BD"], ct);
        await services.Reviews.AskReviewerAsync(editor, network.Id, published, new ReviewerRequest(arif, today.AddDays(30)), ct);
        await services.Reviews.AskReviewerAsync(editor, network.Id, published, new ReviewerRequest(dara, today.AddDays(30)), ct);
        await AsPersonAsync(services, arif, () => services.Reviews.ReviewAsync(employers, network.Id, published, new ReviewInput
        {
            Verdict = ReviewVerdict.MinorRevisions, ToAuthors = "A careful study. Say how the twelve factories were chosen: those that installed solar may differ from the rest.",
            ToEditor = "The federation and our members disagree on the savings figures; I reviewed the method only.",
        }, ct));
        await AsPersonAsync(services, dara, () => services.Reviews.ReviewAsync(cambodians, network.Id, published, new ReviewInput
        {
            Verdict = ReviewVerdict.Accept, ToAuthors = "Clear and useful for unions bargaining over energy savings.",
        }, ct));
        await services.Reviews.DecideAsync(editor, network.Id, published, new DecisionInput
        {
            Decision = ReviewVerdict.MinorRevisions, Letter = "Both reviewers find the study sound. Please explain how the factories were chosen.",
        }, ct);
        await services.Reviews.ReviseAsync(federation, network.Id, published, new RevisionInput
        {
            Text = "Twelve factories in Gazipur and Narayanganj installed between 150 kW and 1.2 MW of rooftop solar between 2022 and 2025; they are all the federation's factories that did so, which may make them larger than most. Their electricity bills fell by 11 to 23 per cent.\n\nNone of the savings was passed on in wages; two factories used them to avoid overtime cuts in the lean season. Workers were not consulted on the installations, and in three factories the roofs used for breaks were closed.",
            Response = "We say now that the twelve are all the federation's factories with rooftop solar, and that they may be larger than most.",
        }, ct);
        await services.Reviews.AskReviewerAsync(editor, network.Id, published, new ReviewerRequest(arif, today.AddDays(14)), ct);
        await AsPersonAsync(services, arif, () => services.Reviews.ReviewAsync(employers, network.Id, published, new ReviewInput
        {
            Verdict = ReviewVerdict.Accept, ToAuthors = "The choice of factories is explained now.",
        }, ct));
        await services.Reviews.DecideAsync(editor, network.Id, published, new DecisionInput { Decision = ReviewVerdict.Accept, Letter = "Accepted, with thanks to the reviewers." }, ct);
        await services.Reviews.PublishAsync(editor, network.Id, published, ct);

        var underReview = await SubmitAsync(services, cambodians, network.Id, PaperUnderReview, "D. Sok",
            "How much water eight denim laundries around Phnom Penh use, where it goes, and what the workers who handle it are exposed to.",
            "Eight laundries used between 60 and 110 litres of water per pair of jeans. Five discharge untreated water into canals. Workers handling potassium permanganate had no respirators in six of the eight.",
            ["KH"], ct);
        await services.Reviews.AskReviewerAsync(editor, network.Id, underReview, new ReviewerRequest(arif, today.AddDays(21)), ct);

        var toRevise = await SubmitAsync(services, federation, network.Id, PaperToRevise, "K. Roy",
            "Which jobs in garment factories change when production moves to low-carbon methods, and whether women keep them.",
            "Automated cutting and waterless dyeing remove jobs mostly held by men; sewing, where most women work, changes least. Training for the new machines went to men in nine of ten factories.",
            ["BD", "KH"], ct);
        await services.Reviews.AskReviewerAsync(editor, network.Id, toRevise, new ReviewerRequest(dara, today.AddDays(10)), ct);
        await AsPersonAsync(services, dara, () => services.Reviews.ReviewAsync(cambodians, network.Id, toRevise, new ReviewInput
        {
            Verdict = ReviewVerdict.MajorRevisions, ToAuthors = "Ten factories are few for such a conclusion: add the figures behind 'nine of ten', and the women's own accounts.",
        }, ct));
        await services.Reviews.DecideAsync(editor, network.Id, toRevise, new DecisionInput
        {
            Decision = ReviewVerdict.MajorRevisions, Letter = "The reviewer asks for the figures behind the main finding and for the women's own accounts.",
        }, ct);
    }

    private static async Task<Guid> SubmitAsync(Services services, OrganisationAccess authors, Guid networkId, string title, string names, string summary, string text,
        List<string> countries, CancellationToken ct) =>
        (await services.Reviews.SubmitAsync(authors, networkId, new SubmissionInput
        {
            Title = title, Authors = names, Summary = summary, Text = text, Language = "en", Licence = Licence.CcBy, Countries = countries, GenderData = true,
        }, ct)).Submission.Id;

    /// <summary>A review is a person's act: the demo acts as the reviewer, signed in, for the time of it.</summary>
    private static async Task AsPersonAsync(Services services, string email, Func<Task> act)
    {
        var userId = await services.Db.Set<AppUser>().Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var before = services.Http.HttpContext;
        services.Http.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "demo")) };
        try
        {
            await act();
        }
        finally
        {
            services.Http.HttpContext = before;
        }
    }
}
