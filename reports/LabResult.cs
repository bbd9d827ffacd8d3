namespace FfaConformance.Reports;

/// <summary>A rule's result as CI systems and labs take it (<see cref="Verdicts.Lab"/>): LAVA's pass, fail and skip.</summary>
public enum LabResult
{
    Pass,
    Fail,
    Skip,
}
