namespace CommonThread.Web.Audits;

public static class AuditsRegistration
{
    public static void AddAudits(this IServiceCollection services)
    {
        services.AddScoped<AuditService>();
        services.AddScoped<CorrectivePlanService>();
        services.AddScoped<Organisations.IDashboardPanel, CorrectivePlansDashboardPanel>();
    }
}
