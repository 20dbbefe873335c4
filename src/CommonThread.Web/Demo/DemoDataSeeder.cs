using CommonThread.Data;
using CommonThread.Web.Account;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Demo;

/// <summary>Loads the demo organisations and owners on the first start of an empty database.</summary>
public sealed class DemoDataSeeder(AppDbContext db, OrganisationService organisations, AccountService accounts, TimeProvider clock)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<Organisation>().AnyAsync(ct))
        {
            return false;
        }

        foreach (var demo in DemoAccounts.All)
        {
            var organisation = await organisations.CreateAsync(demo.Name, demo.Kind, demo.Country, ct);
            var owner = await accounts.CreateUserAsync(demo.OwnerEmail, demo.OwnerName, DemoAccounts.Password);
            db.Add(new Membership { OrganisationId = organisation.Id, UserId = owner.Id, Role = MemberRole.Owner, JoinedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
