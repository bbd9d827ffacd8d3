namespace FfaConformance.Runner.Configuration;

/// <summary>Bad configuration: the message names the key, where it came from and what is accepted.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
