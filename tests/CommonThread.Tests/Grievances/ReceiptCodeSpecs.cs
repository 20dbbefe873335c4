using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Grievances;

/// <summary>
/// A receipt code goes to the worker who filed the case and to nobody else: it is random, and the only
/// way to see it again is to send the very same form (submission id and secret nonce) again, once, soon.
/// </summary>
public abstract class ReceiptCodeSpecs(TestApp app)
{
    private const string Channel = DemoGrievances.ChannelCode;

    private static Dictionary<string, string> Fields(string text) =>
        new() { ["Input.Category"] = "WorkingHours", ["Input.Text"] = $"{text} {Guid.NewGuid():N}", ["Input.Anonymous"] = "true" };

    private static string ReferenceOn(string page) => Regex.Match(page, "GR-[0-9A-Z]{8}").Value;

    private Task<int> CasesAsync(string reference) => app.WithDbAsync(db => db.Set<GrievanceCase>().CountAsync(c => c.Reference == reference));

    [Fact]
    public async Task A_lost_response_is_answered_once_by_the_same_form_with_the_same_code_and_then_without_it()
    {
        var reporter = new Reporter(app);
        var form = await reporter.OpenFormAsync(Channel);
        var fields = Fields("Sunday shifts without pay");

        var first = await (await reporter.SendAsync(Channel, form, fields)).Content.ReadAsStringAsync();
        var retried = await (await reporter.SendAsync(Channel, form, fields)).Content.ReadAsStringAsync();
        var third = await (await reporter.SendAsync(Channel, form, fields)).Content.ReadAsStringAsync();

        Assert.Matches("^[0-9]{16}$", Reporter.CodeOn(first));
        Assert.Equal(Reporter.CodeOn(first), Reporter.CodeOn(retried));
        Assert.Empty(Reporter.CodeOn(third));
        Assert.Contains("id=\"already-received\"", third, StringComparison.Ordinal);
        Assert.Equal([ReferenceOn(first), ReferenceOn(first)], [ReferenceOn(retried), ReferenceOn(third)]);
        Assert.Equal(1, await CasesAsync(ReferenceOn(first)));
    }

    [Fact]
    public async Task A_submission_id_sent_by_another_client_or_through_the_gateway_is_a_new_report_and_never_gets_the_first_code()
    {
        var worker = new Reporter(app);
        var form = await worker.OpenFormAsync(Channel);
        var filed = await (await worker.SendAsync(Channel, form, Fields("Fire exit locked"))).Content.ReadAsStringAsync();
        var (code, reference) = (Reporter.CodeOn(filed), ReferenceOn(filed));

        // Someone who saw the submission id, but not the form's nonce, sends it from their own browser.
        var other = new Reporter(app);
        var otherForm = await other.OpenFormAsync(Channel);
        var replayed = await (await other.SendAsync(Channel, otherForm with { SubmissionId = form.SubmissionId }, Fields("Replay"))).Content.ReadAsStringAsync();
        // A gateway of the mechanism's organisation sends the submission id and even the nonce.
        var member = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Editor);
        var gateway = await app.ClientForAsync(member);
        var throughGateway = await (await gateway.PostAsJsonAsync($"/api/organisations/{member.OrganisationId}/grievance-intake/{Channel}",
            new { submissionId = form.SubmissionId, nonce = form.Nonce, category = "Other", text = "Replay through the gateway" })).ReadAsync<Receipt>();
        // The worker's own retry is not spent by those.
        var retried = await (await worker.SendAsync(Channel, form, Fields("Fire exit locked"))).Content.ReadAsStringAsync();

        Assert.Matches("^[0-9]{16}$", Reporter.CodeOn(replayed));
        Assert.NotEqual(code, Reporter.CodeOn(replayed));
        Assert.DoesNotContain(reference, replayed, StringComparison.Ordinal);
        Assert.NotEqual((reference, code), (throughGateway.Reference, throughGateway.Code));
        Assert.Equal((reference, code), (ReferenceOn(retried), Reporter.CodeOn(retried)));
        Assert.Equal(1, await CasesAsync(reference));
    }

    [Fact]
    public async Task The_code_cannot_be_computed_from_the_submission_id()
    {
        var reporter = new Reporter(app);
        var form = await reporter.OpenFormAsync(Channel);

        var code = Reporter.CodeOn(await (await reporter.SendAsync(Channel, form, Fields("Wages late"))).Content.ReadAsStringAsync());

        // What the code used to be: a keyed hash of the submission id, which the form carries for anyone to see.
        var pepper = app.Services.GetRequiredService<CaseCrypto>().Pepper;
        var derived = (BitConverter.ToUInt64(HMACSHA256.HashData(pepper, Guid.Parse(form.SubmissionId).ToByteArray()), 0) % 10_000_000_000_000_000UL).ToString("D16", CultureInfo.InvariantCulture);
        Assert.Matches("^[0-9]{16}$", code);
        Assert.NotEqual(derived, code);
    }
}

public sealed class ReceiptCodeSpecsOnSqlite(SqliteApp app) : ReceiptCodeSpecs(app);

public sealed class ReceiptCodeSpecsOnPostgres(PostgresApp app) : ReceiptCodeSpecs(app);
