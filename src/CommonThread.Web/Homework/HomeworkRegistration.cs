namespace CommonThread.Web.Homework;

public static class HomeworkRegistration
{
    public static void AddHomework(this IServiceCollection services)
    {
        services.AddScoped<HomeworkRegister>();
        services.AddScoped<IntermediaryService>();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<MinimumWageService>();
        services.AddScoped<Passbook>();
        services.AddScoped<HomeworkOverview>();
        services.AddScoped<PassbookPdf>();
        services.AddScoped<ActionPlanService>();
        services.AddScoped<HomeworkImport>();
        services.AddScoped<Organisations.IDashboardPanel, HomeworkDashboardPanel>();
    }
}
