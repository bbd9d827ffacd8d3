using System.Collections.Immutable;
using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Steps;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Generators;

/// <summary>Scenario generators driven by a <see cref="ScenarioProfile"/>.</summary>
public static class ScenarioGen
{
    public static Gen<Scenario> For(ScenarioProfile profile, GenerationContext context) =>
        from self in ValueGen.NormalWorldId
        from steps in profile.Twins is { } variation ? TwinSteps(profile, context, self, variation) : Steps(profile, context, self)
        select new Scenario(new BootState(self), steps);

    public static Gen<int> Depth(ChainShape chain)
    {
        if (chain.MaxDepth == 0)
        {
            return Gen.Constant(0);
        }

        var buckets = ChainShape.Buckets
            .Where(b => b.Low <= chain.MaxDepth)
            .Select(b => (1, Gen.Choose(b.Low, Math.Min(b.High, chain.MaxDepth))));
        return Gen.Frequency([(chain.EmptyWeight * ChainShape.Buckets.Count, Gen.Constant(0)), .. buckets]);
    }

    public static Gen<Script> Script(ScenarioProfile profile, Convention request, ushort self, ushort destination, bool endless)
    {
        // A profile without links generates depth 0 only, so the link generator is never sampled.
        var link = profile.Chain.Links.Count == 0
            ? Gen.Constant<Answer>(new InterruptAnswer(Convention.Smc32, null, 0, Noise.None))
            : ValueGen.Weighted(profile.Chain.Links).SelectMany(kind => AnswerGen.Link(kind, destination, profile.NoisePercent));
        var terminal = ValueGen.Weighted(profile.Terminals)
            .SelectMany(kind => AnswerGen.Terminal(kind, request, self, destination, profile.NoisePercent));
        return from depth in Depth(profile.Chain)
               from links in link.ArrayOf(depth)
               from final in endless ? Gen.Constant<Answer?>(null) : terminal.Select(t => (Answer?)t)
               from forever in endless ? link.Select(l => (Answer?)l) : Gen.Constant<Answer?>(null)
               select new Script(final is null ? [.. links] : [.. links, final], forever);
    }

    public static Gen<SendStep> Send(ScenarioProfile profile, GenerationContext context, ushort self, Entry entry, bool endless)
    {
        var shape = profile.Request;
        var destination = Gen.Frequency(
            (shape.KnownWeight, Gen.Elements(context.Partitions.Ids.ToArray())),
            (shape.UnknownWeight, Gen.Choose(1, 0xFFFE).Select(v => (ushort)v).Where(v => !context.Partitions.Contains(v))),
            (shape.BoundaryWeight, Gen.Elements<ushort>(0, 0xFFFF, 0x8000, 0x7FFF).Where(v => !context.Partitions.Contains(v))));
        return from convention in Gen.Elements(Convention.Smc32, Convention.Smc64)
               from dst in destination
               from message in Message(shape, convention)
               from script in Script(profile, convention, self, dst, endless)
               select new SendStep(entry, new DirectRequest(dst, message, convention), script);
    }

    private static Gen<DirectMessage?> Message(RequestShape shape, Convention convention)
    {
        var clean = ValueGen.Payload(fits32: convention == Convention.Smc32).Select(m => (DirectMessage?)m);
        var dirty = convention == Convention.Smc32 ? ValueGen.DirtyPayload.Select(m => (DirectMessage?)m) : clean;
        return Gen.Frequency(
            (100 - shape.NullMessagePercent - shape.DirtyPayloadPercent, clean),
            (shape.DirtyPayloadPercent, dirty),
            (shape.NullMessagePercent, Gen.Constant<DirectMessage?>(null)));
    }

    private static Gen<ImmutableArray<Step>> Steps(ScenarioProfile profile, GenerationContext context, ushort self) =>
        from count in Gen.Choose(profile.MinSends, profile.MaxSends)
        from steps in profile.Lifecycle == LifecycleShape.Mixed
            ? Mixed(profile, context, self, count)
            : RuntimeAfterExit(profile, context, self, count)
        select steps;

    private static Gen<ImmutableArray<Step>> RuntimeAfterExit(ScenarioProfile profile, GenerationContext context, ushort self, int count) =>
        from sends in Gen.CollectToArray(Enumerable.Range(0, count), i =>
            Send(profile, context, self, Entry.Runtime, profile.Endless && i == count - 1))
        select ImmutableArray.Create<Step>([new ExitBootServicesStep(true), .. sends]);

    /// <summary>Sends through either entry around an ExitBootServices at any point (or none), with or without a context.</summary>
    private static Gen<ImmutableArray<Step>> Mixed(ScenarioProfile profile, GenerationContext context, ushort self, int count) =>
        from exitAt in Gen.Frequency((4, Gen.Choose(0, count)), (1, Gen.Constant(-1)))
        from withContext in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
        from sends in Gen.CollectToArray(Enumerable.Range(0, count), i =>
            from bootTime in Gen.Frequency((3, Gen.Constant(exitAt == -1 || i < exitAt)), (2, Gen.Constant(false)))
            from send in Send(profile, context, self, bootTime ? Entry.BootTime : Entry.Runtime, profile.Endless && i == count - 1)
            select send)
        select Interleave(sends, exitAt, withContext);

    private static ImmutableArray<Step> Interleave(SendStep[] sends, int exitAt, bool withContext)
    {
        var steps = ImmutableArray.CreateBuilder<Step>(sends.Length + 1);
        for (var i = 0; i <= sends.Length; i++)
        {
            if (i == exitAt)
            {
                steps.Add(new ExitBootServicesStep(withContext));
            }

            if (i < sends.Length)
            {
                steps.Add(sends[i]);
            }
        }

        return steps.ToImmutable();
    }

    /// <summary>
    /// A send and its twin. Boot-versus-runtime twins straddle ExitBootServices; the others follow it, the
    /// original first.
    /// </summary>
    private static Gen<ImmutableArray<Step>> TwinSteps(ScenarioProfile profile, GenerationContext context, ushort self, TwinVariation variation)
    {
        if (variation == TwinVariation.BootVersusRuntime)
        {
            return Send(profile, context, self, Entry.BootTime, endless: false).Select(send =>
                ImmutableArray.Create<Step>(send, new ExitBootServicesStep(true), new TwinStep(0, variation, 0)));
        }

        return from send in Send(profile, context, self, Entry.Runtime, endless: false)
               from parameter in TwinParameter(variation)
               select ImmutableArray.Create<Step>(new ExitBootServicesStep(true), send, new TwinStep(1, variation, parameter));
    }

    public static Gen<ulong> TwinParameter(TwinVariation variation) => variation switch
    {
        TwinVariation.X0UpperHalf => ValueGen.NonZeroUpper.Select(v => (ulong)v),
        TwinVariation.ErrorCodeExtension => Gen.Frequency((1, Gen.Constant(0UL)), (1, ValueGen.NonZeroUpper.Select(v => (ulong)v))),
        TwinVariation.YieldTimeout => Gen.Frequency((2, AnswerGen.CodeLike.Select(v => (ulong)v)), (1, ValueGen.UInt64.Where(v => v != 0))),
        TwinVariation.UnexpectedX2 => AnswerGen.UnexpectedX2,
        _ => Gen.Constant(0UL),
    };
}
