namespace FfaConformance.Records;

/// <summary>A rule as the catalogue defines it.</summary>
public sealed record RuleRecord(string Id, string Area, string Level, string Statement, string Basis);
