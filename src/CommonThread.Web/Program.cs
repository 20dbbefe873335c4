using CommonThread.Web.Account;
using CommonThread.Web.Accountability;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.Components;
using CommonThread.Web.Demo;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.Engagement;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.DueDiligence.Remediation;
using CommonThread.Web.DueDiligence.Reports;
using CommonThread.Web.DueDiligence.RiskMethods;
using CommonThread.Web.Grievances;
using CommonThread.Web.Homework;
using CommonThread.Web.Knowledge;
using CommonThread.Web.Notifications;
using CommonThread.Web.Operator;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Jobs;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddAccount();
builder.Services.AddOrganisations();
builder.Services.AddSupplyChain();
builder.Services.AddNotifications();
builder.Services.AddGrievances();
builder.Services.AddHomework();
builder.Services.AddAssessments();
builder.Services.AddAudits();
builder.Services.AddAccountability();
builder.Services.AddDueDiligence();
builder.Services.AddKnowledge();
builder.Services.AddDemoData();
// Last: the scheduler is registered with the periodic jobs every feature above declared.
builder.AddScheduler();

var app = builder.Build();
if (OperatorCli.IsCommand(args))
{
    return await OperatorCli.RunAsync(app, args);
}

if (app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await app.Services.MigrateDatabaseAsync();
}

await app.SeedSupplyChainReferenceDataAsync();
await app.SeedStarterQuestionnairesAsync();
await app.SeedStarterFrameworkAsync();
await app.SeedDemoDataIfWantedAsync();

app.UseUploadLimits([.. UploadedFile.UploadRoutes, Attachments.IntakeRoute, CommonThread.Web.Assessments.AnswerFileUploads.PageRoute]);
// Workers report in more languages than the shell is translated into.
app.UsePlatform(Intake.Languages.Select(l => l.Culture));
app.MapAccountEndpoints();
app.MapOrganisationsEndpoints();
app.MapSupplyChainEndpoints();
app.MapImportEndpoints();
app.MapGrievanceEndpoints();
app.MapHomeworkEndpoints();
app.MapAssessmentEndpoints();
app.MapAuditEndpoints();
app.MapAccountabilityEndpoints();
app.MapDueDiligenceEndpoints();
app.MapPlanEndpoints();
app.MapReportEndpoints();
app.MapEngagementEndpoints();
app.MapRemediationEndpoints();
app.MapRiskMethodEndpoints();
app.MapKnowledgeEndpoints();
app.MapPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine();
    Console.WriteLine($"CommonThread is running. Sign in at: {string.Join(", ", app.Urls.Select(u => u + "/account/login"))}");
    Console.WriteLine($"API reference: {app.Urls.FirstOrDefault()}/scalar");
    app.PrintDemoAccounts();
});
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
