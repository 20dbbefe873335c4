namespace CommonThread.Web.Homework;

/// <summary>The arithmetic of fair piece rates and workloads, kept in one place so pages, API and reports agree.</summary>
public static class WageCheck
{
    /// <summary>Eight hours a day (ILO C1), six days a week: what one person can work in legal hours.</summary>
    public const int LegalMinutesPerDay = 8 * 60;

    /// <summary>What a piece rate earns in an hour at the standard time per piece.</summary>
    public static decimal EffectiveHourly(decimal pieceRate, decimal standardMinutesPerPiece) =>
        Math.Round(pieceRate / standardMinutesPerPiece * 60m, 4);

    /// <summary>Legal working minutes from one day to another, both included, with one rest day in seven.</summary>
    public static int CapacityMinutes(DateOnly from, DateOnly to)
    {
        var days = Math.Max(1, to.DayNumber - from.DayNumber + 1);
        return (days - days / 7) * LegalMinutesPerDay;
    }

    /// <summary>Money owed for accepted pieces, to the cent.</summary>
    public static decimal Owed(int acceptedPieces, decimal pieceRate) => Math.Round(acceptedPieces * pieceRate, 2, MidpointRounding.AwayFromZero);
}
