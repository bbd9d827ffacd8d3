namespace FfaConformance.Adapters.Contract;

/// <summary>An adapter as configuration knows it: the name a target gives, the keys it accepts, and how it builds a target from them.</summary>
public interface IAdapter
{
    string Name { get; }

    /// <summary>The keys a target of this adapter accepts besides the common ones (Adapter, Version, MaxTest, Expectations).</summary>
    IReadOnlyList<SettingKey> Keys { get; }

    /// <summary>Builds the target; <see cref="TargetUnavailableException"/> when it cannot be (skip or broken), with a message naming the key at fault.</summary>
    ITarget Create(TargetConfig config);
}
