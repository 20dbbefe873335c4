namespace CommonThread.Matching;

/// <summary>The parts of a row and a candidate facility the matcher compared, each shown to the person deciding a review.</summary>
public enum EvidencePart
{
    /// <summary>The words of the name, in any order, forgiving typos and abbreviations.</summary>
    Name,

    /// <summary>The letters of the name with spaces ignored ("Rahimafroz" / "Rahima Froz"): read when the words disagree.</summary>
    NameIgnoringSpaces,

    /// <summary>The words of the address, each weighted by how rare it is in the country.</summary>
    Address,

    /// <summary>Unit, factory, branch or floor numbers ("Unit 1" / "Unit 2"): different numbers are different facilities.</summary>
    UnitNumbers,

    /// <summary>The postcode, when both sides give one.</summary>
    Postcode,

    /// <summary>The same name and address recorded in another country: most likely a wrong country on one side.</summary>
    Country,

    /// <summary>A second facility scored almost as well, so the best one cannot be picked without a person.</summary>
    RunnerUp,
}

public enum Verdict
{
    Agrees,
    Partly,
    Differs,

    /// <summary>One side does not say: counts neither for nor against.</summary>
    Missing,
}

/// <summary>
/// One comparison behind a match: what was compared, how it came out, the score (0–1) and what each side said,
/// so a reviewer sees at a glance which parts agreed and which did not.
/// </summary>
public sealed record MatchEvidence(EvidencePart Part, Verdict Verdict, double Score, string RowValue, string CandidateValue);
