namespace CommonThread.Web.Homework;

/// <summary>
/// Marker for the resource files (PassbookText.resx, PassbookText.bn.resx, …) that label the passbook
/// and payslip PDFs, in the same languages as the grievance intake.
/// </summary>
public sealed class PassbookText;
