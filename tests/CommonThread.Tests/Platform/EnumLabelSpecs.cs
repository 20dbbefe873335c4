using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Audits;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.Platform;

/// <summary>
/// Enum values reach pages as words, never as code names ("ZeroTolerance", "FrameworkAgreement"): each
/// is shown through <see cref="EnumLabels"/>, whose resource "&lt;EnumType&gt;.&lt;Value&gt;" exists in English and Spanish.
/// </summary>
public abstract class EnumLabelSpecs(TestApp app)
{
    /// <summary>The enums whose values the pages, PDFs and e-mails show.</summary>
    public static readonly Type[] Shown =
    [
        typeof(Severity), typeof(FindingCategory), typeof(ActionStatus), typeof(AgreementKind), typeof(CommitmentStatus), typeof(ReportStatus),
        typeof(IndicatorKind), typeof(LinkStatus), typeof(PresenceStatus), typeof(PresenceEvidence),
        typeof(CommonThread.Web.DueDiligence.HumanRightsIssue), typeof(CommonThread.Web.DueDiligence.ImpactNature), typeof(CommonThread.Web.DueDiligence.ImpactSource),
        typeof(CommonThread.Web.DueDiligence.ImpactStatus), typeof(CommonThread.Web.DueDiligence.Plans.GoalStatus), typeof(CommonThread.Web.DueDiligence.Plans.LinkedWorkKind),
        typeof(CommonThread.Web.DueDiligence.Engagement.EngagementKind), typeof(CommonThread.Web.Assessments.AssignmentStatus),
        typeof(CommonThread.Web.Knowledge.Library.KnowledgeTheme), typeof(CommonThread.Web.Knowledge.Library.DocumentKind), typeof(CommonThread.Web.Knowledge.Library.Audience),
        typeof(CommonThread.Web.Knowledge.Library.Licence), typeof(CommonThread.Web.Knowledge.CollectiveAgreements.AgreementLevel),
        typeof(CommonThread.Web.Knowledge.CollectiveAgreements.ClauseTopic), typeof(CommonThread.Web.Knowledge.CollectiveAgreements.AgreementSide),
        typeof(CommonThread.Web.Knowledge.CollectiveAgreements.AgreementSource), typeof(CommonThread.Web.Knowledge.Networks.NetworkKind),
        typeof(CommonThread.Web.Knowledge.Networks.MembershipStatus), typeof(CommonThread.Web.Knowledge.Networks.MeetingFormat),
        typeof(CommonThread.Web.Knowledge.PeerReview.SubmissionStatus), typeof(CommonThread.Web.Knowledge.PeerReview.ReviewVerdict), typeof(CommonThread.Web.Knowledge.PeerReview.ReviewTaskStatus),
        typeof(CommonThread.Web.Knowledge.PeerReview.SubmissionRole),
        typeof(CommonThread.Web.Knowledge.Networks.ActionItemStatus), typeof(CommonThread.Web.Organisations.ConstituentGroup),
        typeof(CommonThread.Web.Knowledge.Training.ProgrammeKind), typeof(CommonThread.Web.Knowledge.Training.ParticipantGender),
        typeof(CommonThread.Web.Knowledge.Training.AssessmentStage),
    ];

    private static Dictionary<string, string> Read(string culture) =>
        new ResourceManager(typeof(Shell)).GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : new CultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Theory]
    [InlineData("")]
    [InlineData("es")]
    public void Every_value_of_every_enum_shown_has_a_label(string culture)
    {
        var texts = Read(culture);

        var missing = Shown.SelectMany(t => Enum.GetNames(t).Select(v => $"{t.Name}.{v}")).Where(k => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(k))).ToList();

        Assert.True(missing.Count == 0, $"Shell{(culture == "" ? "" : "." + culture)}.resx lacks: {string.Join(" | ", missing)}");
    }

    [Fact]
    public void A_label_is_looked_up_by_the_enum_type_and_value() =>
        Assert.Equal("Severity.ZeroTolerance", EnumLabels.Key(Severity.ZeroTolerance));

    [Theory]
    [InlineData("brand@northwind.example", "Northwind Apparel", "accountability")]
    [InlineData("officer@bgwf.example", "Bangladesh Garment Workers Federation (demo)", "accountability")]
    [InlineData("staff@fairthreads.example", "Fair Threads Initiative", "accountability")]
    [InlineData("compliance@dhakaknit.example", "Dhaka Knitwear Ltd", "corrective-plans")]
    [InlineData("brand@northwind.example", "Northwind Apparel", "corrective-plans")]
    [InlineData("brand@northwind.example", "Northwind Apparel", "risks")]
    [InlineData("brand@northwind.example", "Northwind Apparel", "risk-plans")]
    [InlineData("officer@bgwf.example", "Bangladesh Garment Workers Federation (demo)", "risk-plans")]
    [InlineData("officer@bgwf.example", "Bangladesh Garment Workers Federation (demo)", "engagements")]
    public async Task No_demo_page_shows_a_code_name_of_an_enum(string email, string organisation, string page)
    {
        var client = await app.SignedInAsync(email, "commonthread-demo-2026");
        var id = (await app.OrganisationAsync(organisation)).Id;
        var html = await (await client.GetAsync($"/o/{id}/{page}")).Content.ReadAsStringAsync();
        // Visible text only: attribute values (option values, data-status) may hold the code names.
        var text = Regex.Replace(html, "<[^>]*>", " ");

        var codeNames = Shown.SelectMany(Enum.GetNames).Where(n => Regex.IsMatch(n, "^[A-Z][a-z]+[A-Z]")).Distinct();
        var leaked = codeNames.Where(n => Regex.IsMatch(text, $"\\b{n}\\b")).ToList();

        Assert.True(html.Length > 1000, $"/o/{id}/{page} answered {html.Length} characters");
        Assert.True(leaked.Count == 0, $"/o/{id}/{page} shows {string.Join(", ", leaked)}");
    }
}

public sealed class EnumLabelSpecsOnSqlite(SqliteApp app) : EnumLabelSpecs(app);
