namespace CommonThread.Web.Organisations;

/// <summary>Ordered: a higher role may do everything a lower one may.</summary>
public enum MemberRole
{
    Viewer = 1,
    Editor = 2,
    Owner = 3,
}
