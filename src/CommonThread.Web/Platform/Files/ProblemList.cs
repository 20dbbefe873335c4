namespace CommonThread.Web.Platform.Files;

/// <summary>How many problems of one file are kept, stored or returned: more is more than anyone fixes before uploading again.</summary>
public static class ProblemList
{
    public const int MaxKept = 1_000;
}

/// <summary>
/// The problems of one import file: the first <see cref="ProblemList.MaxKept"/> in the order found, and
/// how many there were in all. Keeping every one let a file of 200,000 bad rows hold (and store) 200,000
/// problems; a report says "the first 1,000 of 200,000" instead.
/// </summary>
public sealed class ProblemList<T>
{
    private readonly List<T> kept = [];

    /// <summary>Every problem found, kept or not.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<T> Kept => kept;

    public void Add(T problem)
    {
        Count++;
        if (kept.Count < ProblemList.MaxKept)
        {
            kept.Add(problem);
        }
    }
}
