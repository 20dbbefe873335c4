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
        services.AddHostedService<AssignmentReminderWorker>();
    }

    public static async Task SeedStarterQuestionnairesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuestionnaireLibrary>().EnsureStartersAsync(app.Lifetime.ApplicationStopping);
    }
}
