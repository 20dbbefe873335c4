using CommonThread.Web.Platform.Jobs;

namespace CommonThread.Web.Assessments;

public static class AssessmentsRegistration
{
    public static void AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<QuestionnaireLibrary>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<ResponseService>();
        services.AddScoped<ResponseExport>();
        services.AddScoped<Organisations.IDashboardPanel, AssessmentsDashboardPanel>();
        // The day check inside keeps it to one reminder a day per assignment.
        services.AddPeriodicJob("questionnaire-reminders", TimeSpan.FromHours(1), (s, ct) => s.GetRequiredService<AssignmentService>().RemindAsync(ct),
            "Questionnaire reminders could not be sent; trying again in an hour.");
    }

    public static async Task SeedStarterQuestionnairesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuestionnaireLibrary>().EnsureStartersAsync(app.Lifetime.ApplicationStopping);
    }
}
