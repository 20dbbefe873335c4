using System.Net;
using System.Reflection;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Platform;

/// <summary>Every routable page, found by reflection over the app's components, checked across callers.</summary>
public abstract class PageAccessMatrixSpecs(TestApp app)
{
    private static readonly string[] PublicPages = ["/account/login", "/account/login/two-factor", "/account/login/recovery", "/invite/{Secret}", "/not-found",
        "/r/{Code}", "/r/{Code}/procedure", "/r/{Code}/poster", "/follow-up", "/passbook", "/library", "/library/{DocumentId:guid}",
        "/collective-agreements", "/collective-agreements/{PublishedCbaId:guid}"];

    [Fact]
    public async Task Every_page_sends_strangers_to_sign_in_hides_from_competitors_and_serves_members()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Route: r.Template, Type: t)))
            .ToList();
        Assert.True(pages.Count >= 11, $"only {pages.Count} pages found");

        var owner = await app.NewMemberAsync("Northwind Apparel", MemberRole.Owner);
        var viewer = await app.NewMemberAsync("Northwind Apparel", MemberRole.Viewer);
        var competitor = await app.NewMemberAsync("Meridian Outfitters", MemberRole.Owner);
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.Anonymous(),
            ["competitor"] = await app.SignedInAsync(competitor.Email, TestMember.Password),
            ["viewer"] = await app.SignedInAsync(viewer.Email, TestMember.Password),
            ["owner"] = await app.SignedInAsync(owner.Email, TestMember.Password),
        };
        var facilityId = await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync());
        var importId = await app.WithDbAsync(async db =>
        {
            var import = new FacilityImport { OrganisationId = owner.OrganisationId, FileName = "matrix.csv", FileSha256 = new string('0', 64), Status = ImportStatus.Previewed, UploadedAt = DateTimeOffset.UnixEpoch };
            db.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });
        var caseId = await NorthwindOnlyCaseAsync(owner.OrganisationId);
        var homeworkerId = await app.WithDbAsync(async db =>
        {
            var homeworker = new CommonThread.Web.Homework.Homeworker
            {
                OrganisationId = owner.OrganisationId, Name = "Matrix homeworker", BirthDate = new DateOnly(1990, 1, 1), ProofOfAgeCheckedOn = new DateOnly(2025, 1, 1),
                Address = "1 Lane", Area = "Matrix", CountryCode = "BD", RegisteredOn = new DateOnly(2025, 1, 1), IdentityKey = Guid.NewGuid().ToString("N"),
            };
            db.Add(homeworker);
            await db.SaveChangesAsync();
            return homeworker.Id;
        });
        var assignmentId = await app.WithDbAsync(async db =>
        {
            var sender = await db.Set<CommonThread.Web.Organisations.Organisation>().SingleAsync(o => o.Name == "Fair Threads Initiative");
            var assignment = new CommonThread.Web.Assessments.Assignment
            {
                QuestionnaireId = CommonThread.Web.Assessments.QuestionnaireLibrary.Starters[0].Id, AssignedByOrganisationId = sender.Id, FacilityId = facilityId,
                RespondentOrganisationId = owner.OrganisationId, DueOn = new DateOnly(2099, 1, 1), AssignedAt = DateTimeOffset.UnixEpoch,
            };
            db.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });
        var correctivePlanId = await app.WithDbAsync(async db =>
        {
            var supplier = await db.Set<CommonThread.Web.Organisations.Organisation>().SingleAsync(o => o.Name == "Dhaka Knitwear Ltd");
            var plan = new CommonThread.Web.Audits.CorrectiveActionPlan
            {
                FacilityId = facilityId, SupplierOrganisationId = supplier.Id, FollowedByOrganisationId = owner.OrganisationId, Title = "Matrix plan", CreatedAt = DateTimeOffset.UnixEpoch,
            };
            db.AddRange(plan, new CommonThread.Web.Audits.CorrectiveAction
            {
                PlanId = plan.Id, Category = CommonThread.Web.Audits.FindingCategory.GrievanceMechanism, Description = "Matrix item", Owner = "HR", DueOn = new DateOnly(2099, 1, 1),
            });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var (agreementId, roundId, invitationId) = await NorthwindAccountabilityAsync(owner.OrganisationId, facilityId);
        var documentId = await app.WithDbAsync(db => db.Set<CommonThread.Web.Knowledge.Library.LibraryDocument>().OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        // Northwind buys from Dhaka Knitwear Unit 1, whose union recorded its agreement; the sector agreement is public.
        var (cbaId, publishedCbaId) = await app.WithDbAsync(async db => (
            await db.Set<CommonThread.Web.Knowledge.CollectiveAgreements.CollectiveAgreement>().Where(a => a.Title == CommonThread.Web.Demo.DemoAgreements.FacilityAgreement).Select(a => a.Id).SingleAsync(),
            await db.Set<CommonThread.Web.Knowledge.CollectiveAgreements.CollectiveAgreement>().Where(a => a.Title == CommonThread.Web.Demo.DemoAgreements.SectorAgreement).Select(a => a.Id).SingleAsync()));
        // Northwind is invited to the demo task force: it reads what it is invited to.
        var networkId = await app.WithDbAsync(db => db.Set<CommonThread.Web.Knowledge.Networks.Network>().Where(n => n.Title == CommonThread.Web.Demo.DemoNetworks.TaskForce).Select(n => n.Id).SingleAsync());
        // Northwind is a member of a research network of the initiative's, and the author of a paper under review in it.
        var (researchNetworkId, submissionId) = await app.WithDbAsync(async db =>
        {
            var initiative = await db.Set<CommonThread.Web.Organisations.Organisation>().SingleAsync(o => o.Name == "Fair Threads Initiative");
            var network = new CommonThread.Web.Knowledge.Networks.Network
            {
                Title = "Matrix research network", Purpose = "Matrix", Kind = CommonThread.Web.Knowledge.Networks.NetworkKind.ResearchNetwork, ConvenerOrganisationId = initiative.Id,
                CreatedAt = DateTimeOffset.UnixEpoch,
            };
            var submission = new CommonThread.Web.Knowledge.PeerReview.Submission
            {
                NetworkId = network.Id, AuthorOrganisationId = owner.OrganisationId, Title = "Matrix paper", Authors = "Matrix", Summary = "Matrix", Language = "en", Countries = "",
                Round = 1, SubmittedAt = DateTimeOffset.UnixEpoch,
            };
            db.AddRange(network, submission, new CommonThread.Web.Knowledge.PeerReview.ReviewRound { SubmissionId = submission.Id, Number = 1, Text = "Matrix", OpenedAt = DateTimeOffset.UnixEpoch });
            db.AddRange(new[] { initiative.Id, owner.OrganisationId }.Select(o => new CommonThread.Web.Knowledge.Networks.NetworkMember
            {
                NetworkId = network.Id, OrganisationId = o, Status = CommonThread.Web.Knowledge.Networks.MembershipStatus.Joined, InvitedOn = new DateOnly(2026, 1, 1),
            }));
            await db.SaveChangesAsync();
            return (network.Id, submission.Id);
        });
        // A programme of Northwind's own (the page cares only whose it is), tested on a starter questionnaire, with one participant.
        var (programmeId, participantId) = await app.WithDbAsync(async db =>
        {
            var programme = new CommonThread.Web.Knowledge.Training.TrainingProgramme
            {
                OrganiserOrganisationId = owner.OrganisationId, Title = "Matrix programme", Description = "Matrix", CreatedAt = DateTimeOffset.UnixEpoch,
                QuestionnaireId = CommonThread.Web.Assessments.QuestionnaireLibrary.Starters[0].Id,
            };
            var participant = new CommonThread.Web.Knowledge.Training.Participant { ProgrammeId = programme.Id, Name = "Matrix participant", Organisation = "Matrix", Language = "en" };
            db.AddRange(programme, participant);
            await db.SaveChangesAsync();
            return (programme.Id, participant.Id);
        });
        var failures = new List<string>();
        foreach (var (route, type) in pages)
        {
            var research = route.Contains("/submi", StringComparison.Ordinal);
            var url = route.Replace("{OrgId:guid}", owner.OrganisationId.ToString(), StringComparison.Ordinal)
                .Replace("{UserId}", viewer.UserId, StringComparison.Ordinal)
                .Replace("{Secret}", "inv_not-a-real-secret", StringComparison.Ordinal)
                .Replace("{FacilityId:guid}", facilityId.ToString(), StringComparison.Ordinal)
                .Replace("{ImportId:guid}", importId.ToString(), StringComparison.Ordinal)
                .Replace("{Code}", CommonThread.Web.Demo.DemoGrievances.ChannelCode, StringComparison.Ordinal)
                .Replace("{CaseId:guid}", caseId.ToString(), StringComparison.Ordinal)
                .Replace("{HomeworkerId:guid}", homeworkerId.ToString(), StringComparison.Ordinal)
                .Replace("{AssignmentId:guid}", assignmentId.ToString(), StringComparison.Ordinal)
                .Replace("{PlanId:guid}", correctivePlanId.ToString(), StringComparison.Ordinal)
                .Replace("{AgreementId:guid}", agreementId.ToString(), StringComparison.Ordinal)
                .Replace("{RoundId:guid}", roundId.ToString(), StringComparison.Ordinal)
                .Replace("{BrandId:guid}", owner.OrganisationId.ToString(), StringComparison.Ordinal)
                .Replace("{InvitationId:guid}", invitationId.ToString(), StringComparison.Ordinal)
                .Replace("{DocumentId:guid}", documentId.ToString(), StringComparison.Ordinal)
                .Replace("{CbaId:guid}", cbaId.ToString(), StringComparison.Ordinal)
                .Replace("{PublishedCbaId:guid}", publishedCbaId.ToString(), StringComparison.Ordinal)
                .Replace("{NetworkId:guid}", (research ? researchNetworkId : networkId).ToString(), StringComparison.Ordinal)
                .Replace("{SubmissionId:guid}", submissionId.ToString(), StringComparison.Ordinal)
                .Replace("{ProgrammeId:guid}", programmeId.ToString(), StringComparison.Ordinal)
                .Replace("{ParticipantId:guid}", participantId.ToString(), StringComparison.Ordinal)
                .Replace("{Stage}", "before", StringComparison.Ordinal);
            Assert.DoesNotContain("{", url);
            var needsSignIn = type.GetCustomAttribute<AuthorizeAttribute>() is not null;
            Assert.True(needsSignIn || PublicPages.Contains(route), $"{route} is public: add it to PublicPages only if it must be");
            var isOrganisationPage = typeof(OrganisationPage).IsAssignableFrom(type);
            var ownerOnly = route.EndsWith("/audit", StringComparison.Ordinal) || route.Contains("{UserId}", StringComparison.Ordinal);
            var isAdmin = route.StartsWith("/admin", StringComparison.Ordinal);

            foreach (var (who, client) in clients)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var expected = (who, needsSignIn) switch
                {
                    ("anonymous", true) => HttpStatusCode.Redirect,
                    (_, false) => route.StartsWith("/invite", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK,
                    ("competitor", _) when isOrganisationPage || isAdmin => HttpStatusCode.NotFound,
                    ("viewer", _) when ownerOnly => HttpStatusCode.Forbidden,
                    (_, _) when isAdmin => HttpStatusCode.NotFound,
                    _ => HttpStatusCode.OK,
                };
                if (route is "/account/login/two-factor" or "/account/login/recovery")
                {
                    expected = HttpStatusCode.Redirect; // no password step pending: back to the sign-in page
                }

                if (response.StatusCode != expected)
                {
                    failures.Add($"GET {route} as {who}: got {(int)response.StatusCode}, expected {(int)expected}");
                }

                if (who == "competitor" && isOrganisationPage && body.Contains("Northwind", StringComparison.Ordinal))
                {
                    failures.Add($"GET {route} as competitor shows the organisation's name");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// An agreement between Northwind and a union; a round of the initiative in which Northwind reports;
    /// and a feedback invitation addressed to Northwind as if it supplied another brand (the page cares only whose it is).
    /// </summary>
    private Task<(Guid, Guid, Guid)> NorthwindAccountabilityAsync(Guid northwindId, Guid facilityId) => app.WithDbAsync(async db =>
    {
        var initiative = await db.Set<CommonThread.Web.Organisations.Organisation>().SingleAsync(o => o.Name == "Fair Threads Initiative");
        var other = await db.Set<CommonThread.Web.Organisations.Organisation>().SingleAsync(o => o.Name == "Solstice Sportswear");
        var union = await db.Set<CommonThread.Web.Organisations.Organisation>().FirstAsync(o => o.Kind == OrganisationKind.Union);
        var agreement = new CommonThread.Web.Accountability.Agreement
        {
            Kind = CommonThread.Web.Accountability.AgreementKind.FrameworkAgreement, Title = "Matrix agreement", StartsOn = new DateOnly(2026, 1, 1), CreatedByOrganisationId = northwindId,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var round = new CommonThread.Web.Accountability.MonitoringRound
        {
            InitiativeOrganisationId = initiative.Id, FrameworkId = CommonThread.Web.Accountability.FrameworkService.StarterId, Name = "Matrix round", PeriodStart = new DateOnly(2026, 1, 1),
            PeriodEnd = new DateOnly(2026, 6, 30), ReportsDueOn = new DateOnly(2026, 7, 31), FeedbackClosesOn = new DateOnly(2099, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var invitation = new CommonThread.Web.Accountability.FeedbackInvitation { RoundId = round.Id, BrandOrganisationId = other.Id, FacilityId = facilityId, SupplierOrganisationId = northwindId };
        db.AddRange(agreement, round, invitation,
            new CommonThread.Web.Accountability.AgreementParty { AgreementId = agreement.Id, OrganisationId = northwindId, Accountable = true },
            new CommonThread.Web.Accountability.AgreementParty { AgreementId = agreement.Id, OrganisationId = union.Id },
            new CommonThread.Web.Accountability.Commitment { AgreementId = agreement.Id, Number = 1, Text = "Respect freedom of association" },
            new CommonThread.Web.Accountability.RoundParticipant { RoundId = round.Id, BrandOrganisationId = northwindId, ReviewerOrganisationId = union.Id });
        await db.SaveChangesAsync();
        return (agreement.Id, round.Id, invitation.Id);
    });

    /// <summary>A case in a mechanism of Northwind's own, with no facility: Northwind is its only party.</summary>
    private async Task<Guid> NorthwindOnlyCaseAsync(Guid northwindId)
    {
        var code = "p" + Guid.NewGuid().ToString("N")[..12];
        await app.WithDbAsync(async db =>
        {
            var mechanism = await db.Set<CommonThread.Web.Grievances.GrievanceMechanism>().FirstOrDefaultAsync(m => m.OrganisationId == northwindId)
                ?? new CommonThread.Web.Grievances.GrievanceMechanism { OrganisationId = northwindId, Name = "Northwind line", CreatedAt = DateTimeOffset.UnixEpoch };
            if (db.Entry(mechanism).State == EntityState.Detached)
            {
                db.Add(mechanism);
            }

            db.Add(new CommonThread.Web.Grievances.GrievanceChannel { MechanismId = mechanism.Id, Code = code });
            return await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<CommonThread.Web.Grievances.IntakeService>().SubmitAsync(code, new()
        {
            SubmissionId = Guid.NewGuid(), Category = CommonThread.Web.Grievances.GrievanceCategory.Other, Text = "Matrix report",
        }, CancellationToken.None);
        return await app.WithDbAsync(db => db.Set<CommonThread.Web.Grievances.GrievanceCase>().Where(c => c.Reference == receipt.Reference).Select(c => c.Id).SingleAsync());
    }
}

public sealed class PageAccessMatrixSpecsOnSqlite(SqliteApp app) : PageAccessMatrixSpecs(app);

public sealed class PageAccessMatrixSpecsOnPostgres(PostgresApp app) : PageAccessMatrixSpecs(app);
