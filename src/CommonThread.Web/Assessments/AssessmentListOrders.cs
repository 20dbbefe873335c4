using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.Assessments;

/// <summary>The orders the questionnaire and assignment lists are paged in.</summary>
public static class AssessmentListOrders
{
    // The starter questionnaires everyone shares first, then the organisation's own, each by title.
    public static readonly ListOrder<QuestionnaireDto> Questionnaires = new ListOrder<QuestionnaireDto>(q => q.Id).By(q => !q.Starter).By(q => q.Title);

    public static readonly ListOrder<AssignmentDto> Assignments = new ListOrder<AssignmentDto>(a => a.Id).By(a => a.AssignedAt, descending: true).By(a => a.Facility);
}
