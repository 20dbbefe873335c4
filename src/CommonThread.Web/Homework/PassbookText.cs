namespace CommonThread.Web.Homework;

/// <summary>
/// Marker for the resource files (PassbookText.resx, PassbookText.bn.resx, …) that label the passbook
/// and payslip PDFs, in the same languages as the grievance intake.
/// </summary>
public sealed class PassbookText
{
    /// <summary>The culture of a passbook language; English (invariant) for one the passbooks are not printed in.</summary>
    public static System.Globalization.CultureInfo CultureOf(string language) =>
        Grievances.Intake.Languages.Any(l => l.Culture == language) ? new(language) : System.Globalization.CultureInfo.InvariantCulture;
}
