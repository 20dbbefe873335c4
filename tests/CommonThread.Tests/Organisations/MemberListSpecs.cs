using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.Platform;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Organisations;

/// <summary>The member list pages by display name with a cursor, named by the user's id.</summary>
public abstract class MemberListSpecs(TestApp app) : ApiListSpecs(app)
{
    protected override string Path => "/members";

    protected override string IdProperty => "userId";

    // A fresh organisation has its first member, who asks.
    protected override int FreshOrganisationHolds => 1;

    protected override async Task<Seeded> SeedAsync()
    {
        var organisation = await App.NewOrganisationAsync(OrganisationKind.Supplier);
        var owner = await App.NewMemberAsync(organisation.Name, MemberRole.Owner);
        foreach (var _ in Enumerable.Range(1, Count - 1))
        {
            await App.NewMemberAsync(organisation.Name, MemberRole.Viewer);
        }

        var client = await App.ClientForAsync(owner);
        var url = $"/api/organisations/{organisation.Id}/members";
        return new(client, url, () => App.NewMemberAsync(organisation.Name, MemberRole.Viewer),
            async userId => (await client.DeleteAsync($"{url}/{userId}")).EnsureSuccessStatusCode());
    }
}

public sealed class MemberListSpecsOnSqlite(SqliteApp app) : MemberListSpecs(app);

public sealed class MemberListSpecsOnPostgres(PostgresApp app) : MemberListSpecs(app);
