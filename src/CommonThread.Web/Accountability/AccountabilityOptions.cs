namespace CommonThread.Web.Accountability;

/// <summary>Settings of the accountability feature (section "Accountability").</summary>
public sealed class AccountabilityOptions
{
    /// <summary>How often supplier feedback is released to brands on its own, in days (the initiative may also release in between).</summary>
    public int ReleaseEveryDays { get; set; } = 7;
}
