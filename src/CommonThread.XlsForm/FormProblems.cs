using System.Collections.ObjectModel;

namespace CommonThread.XlsForm;

/// <summary>
/// The problems of one form as the loader finds them: the first <see cref="XlsFormLoader.MaxProblems"/>
/// kept, the rest only counted (<see cref="Total"/>), so a sheet of 100,000 formula cells does not hold
/// 100,000 messages. The app caps its import problems at the same number with its own type: this
/// library knows nothing of the app.
/// </summary>
internal sealed class FormProblems : Collection<FormProblem>
{
    public int Total { get; private set; }

    protected override void InsertItem(int index, FormProblem item)
    {
        Total++;
        if (Count < XlsFormLoader.MaxProblems)
        {
            base.InsertItem(index, item);
        }
    }
}
