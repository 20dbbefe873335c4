using CommonThread.Web.Audits;
using CommonThread.Web.Grievances;

namespace CommonThread.Web.DueDiligence;

/// <summary>Which human-rights issue the platform's other records speak to; null where a record names no single issue.</summary>
public static class EvidenceIssues
{
    public static HumanRightsIssue? Of(FindingCategory category) => category switch
    {
        FindingCategory.FreedomOfAssociation or FindingCategory.CollectiveBargaining or FindingCategory.GrievanceMechanism => HumanRightsIssue.FreedomOfAssociation,
        FindingCategory.Wages => HumanRightsIssue.Wages,
        FindingCategory.WorkingHours => HumanRightsIssue.WorkingTime,
        FindingCategory.HealthAndSafety => HumanRightsIssue.HealthAndSafety,
        FindingCategory.ForcedLabour => HumanRightsIssue.ForcedLabour,
        FindingCategory.ChildLabour => HumanRightsIssue.ChildLabour,
        FindingCategory.Discrimination => HumanRightsIssue.Discrimination,
        FindingCategory.Harassment => HumanRightsIssue.GenderBasedViolence,
        _ => null,
    };

    /// <summary>Dismissals and "other" cases name no single issue; retaliation is mostly against organising.</summary>
    public static HumanRightsIssue? Of(GrievanceCategory category) => category switch
    {
        GrievanceCategory.WagesAndPayment => HumanRightsIssue.Wages,
        GrievanceCategory.WorkingHours => HumanRightsIssue.WorkingTime,
        GrievanceCategory.FreedomOfAssociation or GrievanceCategory.Retaliation => HumanRightsIssue.FreedomOfAssociation,
        GrievanceCategory.HarassmentAndGenderBasedViolence => HumanRightsIssue.GenderBasedViolence,
        GrievanceCategory.HealthAndSafety => HumanRightsIssue.HealthAndSafety,
        GrievanceCategory.ChildOrForcedLabour => HumanRightsIssue.ForcedLabour,
        GrievanceCategory.HomeworkPayment => HumanRightsIssue.Homework,
        _ => null,
    };

    /// <summary>
    /// The issue a category of purchasing practice (the supplier-feedback form's groups) bears on, as the OECD
    /// Garment Guidance (Module 12) relates them: short lead times, late bookings and unstable orders push
    /// overtime; prices that do not cover wages, and late payment, push wages down; a buyer that does not support
    /// social dialogue weighs on organising. Design and the management of purchasing bear on none directly.
    /// </summary>
    public static HumanRightsIssue? OfPurchasingPractice(string category) => category switch
    {
        "planning" or "sourcing" => HumanRightsIssue.WorkingTime,
        "costing" or "payment" => HumanRightsIssue.Wages,
        "partnership" => HumanRightsIssue.FreedomOfAssociation,
        _ => null,
    };

    /// <summary>An audit's worst finding as the scale of the harm (1–5).</summary>
    public static int ScaleOf(Severity worst) => worst switch
    {
        Severity.Minor => 2,
        Severity.Major => 3,
        Severity.Critical => 4,
        _ => 5,
    };

    /// <summary>Harm to children and forced labour is the hardest to undo.</summary>
    public static int IrremediabilityOf(HumanRightsIssue issue) => issue is HumanRightsIssue.ChildLabour or HumanRightsIssue.ForcedLabour ? 4 : 2;
}
