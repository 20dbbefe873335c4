using CommonThread.Data;
using CommonThread.Web.Account;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Demo;

/// <summary>Loads the demo organisations and owners on the first start of an empty database.</summary>
public sealed class DemoDataSeeder(AppDbContext db, OrganisationService organisations, AccountService accounts, SupplyChainService chain, FoaProfileService foa,
    LinkConfirmations confirmations, UnionPresenceService presence,
    Grievances.IntakeService intake, Grievances.CaseService cases, Homework.HomeworkRegister homeworkRegister, Homework.IntermediaryService intermediaries, Homework.WorkOrderService workOrders,
    DemoAccountability.Services accountability, DueDiligence.RiskRegisterService register, DueDiligence.Plans.PlanService plans, DueDiligence.Plans.LinkedWorkService linkedWork, DueDiligence.RiskMethods.RiskMethodService riskMethods, DueDiligence.Engagement.EngagementService engagements, Knowledge.Library.LibraryService library, Knowledge.CollectiveAgreements.CbaService agreements, Knowledge.Networks.NetworkService networks, Knowledge.Training.TrainingService training, Knowledge.PeerReview.ReviewService reviews, IHttpContextAccessor http, Assessments.QuestionnaireLibrary questionnaires, IStringLocalizer<Platform.Localization.Shell> text, UserManager<AppUser> users, IUserStore<AppUser> userStore, TimeProvider clock)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<Organisation>().AnyAsync(ct))
        {
            return false;
        }

        var created = new Dictionary<string, Organisation>();
        foreach (var demo in DemoAccounts.All)
        {
            var organisation = created[demo.Name] = await organisations.CreateAsync(demo.Name, demo.Kind, demo.Country, ct);
            var owner = await accounts.CreateUserAsync(demo.OwnerEmail, demo.OwnerName, DemoAccounts.Password);
            db.Add(new Membership { OrganisationId = organisation.Id, UserId = owner.Id, Role = MemberRole.Owner, JoinedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            if (demo.Kind == OrganisationKind.PlatformAdmin)
            {
                await EnableTwoFactorAsync(owner, DemoAccounts.AdminAuthenticatorKey, ct);
            }
        }

        await DemoSupplyChain.SeedAsync(created, new(chain, foa, confirmations, presence), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-2), ct);
        await DemoGrievances.SeedAsync(created, db, intake, cases, clock, ct);
        await DemoHomework.SeedAsync(created, db, homeworkRegister, intermediaries, workOrders, clock, ct);
        await DemoAccountability.SeedAsync(created, accountability, clock, ct);
        await DemoDueDiligence.SeedAsync(created, db, register, plans, linkedWork, engagements, text, clock, ct);
        await DemoDueDiligence.PublishRiskMethodAsync(created, riskMethods, ct);
        await DemoLibrary.SeedAsync(created, library, ct);
        await DemoAgreements.SeedAsync(created, db, agreements, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        await DemoNetworks.SeedAsync(created, networks, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        await DemoPeerReview.SeedAsync(created, new(networks, reviews, db, http), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        await DemoTraining.SeedAsync(created, training, questionnaires, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return true;
    }

    private async Task EnableTwoFactorAsync(AppUser user, string authenticatorKey, CancellationToken ct)
    {
        await ((IUserAuthenticatorKeyStore<AppUser>)userStore).SetAuthenticatorKeyAsync(user, authenticatorKey, ct);
        await users.UpdateAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
