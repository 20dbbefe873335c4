namespace CommonThread.Matching;

/// <summary>A facility as a list or registry gives it: the Open Supply Hub layout's identifying columns.</summary>
public sealed record FacilityRecord(string Id, string Name, string Address, string CountryCode, string? OsId = null);
