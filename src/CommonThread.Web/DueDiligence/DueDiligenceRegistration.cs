namespace CommonThread.Web.DueDiligence;

public static class DueDiligenceRegistration
{
    public static void AddDueDiligence(this IServiceCollection services)
    {
        services.AddScoped<RiskRegisterService>();
        services.AddScoped<ImpactProposals>();
        services.AddScoped<Plans.PlanService>();
        services.AddScoped<Plans.LinkedWorkService>();
        services.AddScoped<Engagement.EngagementService>();
        services.AddScoped<Remediation.RemediationService>();
        services.AddScoped<RiskMethods.RiskMethodService>();
        services.AddScoped<Reports.ReportFigures>();
        services.AddScoped<Reports.DueDiligenceReports>();
    }
}
