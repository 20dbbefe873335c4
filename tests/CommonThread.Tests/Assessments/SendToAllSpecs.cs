using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Assessments;

/// <summary>Sending a questionnaire to the whole chain first shows how wide that is, and sends only once confirmed.</summary>
public abstract class SendToAllSpecs(TestApp app)
{
    [Fact]
    public async Task Sending_to_all_in_the_chain_previews_the_facilities_and_countries_and_sends_nothing_until_confirmed()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            foreach (var (name, country) in new[] { ("Preview Unit BD", "BD"), ("Preview Unit VN", "VN") })
            {
                var facility = new Facility { Name = $"{name} {Guid.NewGuid():N}", Address = "1 Road", CountryCode = country, OperatorOrganisationId = supplier.Id, CreatedAt = DateTimeOffset.UnixEpoch };
                db.AddRange(facility, new SupplyLink
                {
                    BuyerOrganisationId = brand.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2024, 1, 1), Status = LinkStatus.Confirmed, CreatedAt = DateTimeOffset.UnixEpoch,
                });
            }

            return await db.SaveChangesAsync();
        });
        var member = await app.NewMemberAsync(brand.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var path = $"/o/{brand.Id}/assessments";
        var fields = new Dictionary<string, string>
        {
            ["Assign.QuestionnaireId"] = QuestionnaireLibrary.Starters[0].Id.ToString(),
            ["Assign.DueOn"] = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd"),
        };
        Task<int> SentAsync() => app.WithDbAsync(db => db.Set<Assignment>().CountAsync(a => a.AssignedByOrganisationId == brand.Id));

        var preview = await (await client.PostFormAsync(path, "assign", fields)).Content.ReadAsStringAsync();

        Assert.Equal(0, await SentAsync());
        Assert.Contains("id=\"assign-preview\"", preview, StringComparison.Ordinal);
        Assert.Contains("to 2 facilities in your chain", preview, StringComparison.Ordinal);
        Assert.Contains("Bangladesh", preview, StringComparison.Ordinal);
        Assert.Contains("Viet", preview, StringComparison.Ordinal);

        var sent = await (await client.PostFormAsync(path, "assign", new(fields) { ["Assign.Confirmed"] = "true" })).Content.ReadAsStringAsync();

        Assert.Equal(2, await SentAsync());
        Assert.DoesNotContain("id=\"assign-preview\"", sent, StringComparison.Ordinal);
    }
}

public sealed class SendToAllSpecsOnSqlite(SqliteApp app) : SendToAllSpecs(app);

public sealed class SendToAllSpecsOnPostgres(PostgresApp app) : SendToAllSpecs(app);
