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
        new Builder(profile, context).Scenario;

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

    /// <summary>Builds a profile's generators once, so that sampling does not build them again per case.</summary>
    private sealed class Builder
    {
        private readonly ScenarioProfile profile;
        private readonly bool bootEntry;
        private readonly Gen<SendStep> runtime;
        private readonly Gen<Step> runtimeAny;
        private readonly Gen<Step> runtimeAnyEndless;
        private readonly Gen<SendStep> bootTime;

        public Builder(ScenarioProfile profile, GenerationContext context)
        {
            this.profile = profile;
            bootEntry = context.BootEntry;
            var shape = profile.Request;
            var known = Gen.Elements(context.Partitions.Ids.ToArray());
            var destination = context.AnyDestination
                ? Gen.Frequency(
                    (shape.KnownWeight, known),
                    (shape.UnknownWeight, Gen.Choose(1, 0xFFFE).Select(v => (ushort)v).Where(v => !context.Partitions.Contains(v))),
                    (shape.BoundaryWeight, Gen.Elements<ushort>(0, 0xFFFF, 0x8000, 0x7FFF).Where(v => !context.Partitions.Contains(v))))
                : known;
            var scripts = new Dictionary<(Convention, bool), Gen<Script>>();
            foreach (var convention in new[] { Convention.Smc32, Convention.Smc64 })
            {
                scripts[(convention, false)] = Script(profile, convention, endless: false);
                scripts[(convention, true)] = Script(profile, convention, endless: true);
            }

            var messages = new[] { Convention.Smc32, Convention.Smc64 }.ToDictionary(c => c, c => Message(shape, c));

            // An entry that takes no width sends SMC64 whatever its caller wants: only SMC64 requests are asked of it.
            var widths = context.Smc32Request ? Gen.Elements(Convention.Smc32, Convention.Smc64) : Gen.Constant(Convention.Smc64);

            Gen<SendStep> Send(Entry entry, bool endless) =>
                from convention in widths
                from dst in destination
                from message in messages[convention]
                from script in scripts[(convention, endless)]
                select new SendStep(entry, new DirectRequest(dst, message, convention), script);

            Gen<Send2Step> Send2(bool endless) =>
                from dst in destination
                from uuid in context.AnyServiceUuid ? Uuid(context.Partitions, dst) : Gen.Constant(OwnUuid(context.Partitions, dst))
                from message in ValueGen.Payload2
                from script in Script2(profile, endless)
                select new Send2Step(new DirectRequest2(dst, uuid, message), script);

            // Without the entry, REQ2 rules are not applicable and the profile's REQ2 share goes to direct requests.
            var share2 = context.DirectRequest2 ? profile.DirectRequest2Percent : 0;
            Gen<Step> Either(bool endless) => share2 switch
            {
                0 => Send(Entry.Runtime, endless).Select(s => (Step)s),
                100 => Send2(endless).Select(s => (Step)s),
                _ => Gen.Frequency((100 - share2, Send(Entry.Runtime, endless).Select(s => (Step)s)), (share2, Send2(endless).Select(s => (Step)s))),
            };

            runtime = Send(Entry.Runtime, endless: false);
            runtimeAny = Either(endless: false);
            runtimeAnyEndless = Either(endless: true);
            bootTime = Send(Entry.BootTime, endless: false);
            Scenario =
                from self in context.FixedEndpointId is { } fixedId ? Gen.Constant(fixedId) : ValueGen.NormalWorldId
                from steps in profile.Twins is { } variation ? TwinSteps(variation) : Steps()
                select new Scenario(new BootState(self), steps);
        }

        public Gen<Scenario> Scenario { get; }

        private Gen<Step> SendFor(Entry entry, bool endless) =>
            entry == Entry.BootTime ? bootTime.Select(s => (Step)s) : endless ? runtimeAnyEndless : runtimeAny;

        private Gen<ImmutableArray<Step>> Steps() =>
            from count in Gen.Choose(profile.MinSends, profile.MaxSends)
            from steps in profile.Lifecycle == LifecycleShape.Mixed ? Mixed(count) : RuntimeAfterExit(count, profile.Lifecycle == LifecycleShape.RuntimeAfterVirtualMap)
            select steps;

        private Gen<ImmutableArray<Step>> RuntimeAfterExit(int count, bool virtualMap) =>
            from sends in Gen.CollectToArray(Enumerable.Range(0, count), i => SendFor(Entry.Runtime, profile.Endless && i == count - 1))
            select virtualMap
                ? ImmutableArray.Create<Step>([new ExitBootServicesStep(true), SetVirtualAddressMapStep.Instance, .. sends])
                : ImmutableArray.Create<Step>([new ExitBootServicesStep(true), .. sends]);

        /// <summary>Sends through either entry around an ExitBootServices at any point (or none), with or without a context.</summary>
        private Gen<ImmutableArray<Step>> Mixed(int count) =>
            from exitAt in Gen.Frequency((4, Gen.Choose(0, count)), (1, Gen.Constant(-1)))
            from withContext in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
            from sends in Gen.CollectToArray(Enumerable.Range(0, count), i =>
                from bootTime in bootEntry ? Gen.Frequency((3, Gen.Constant(exitAt == -1 || i < exitAt)), (2, Gen.Constant(false))) : Gen.Constant(false)
                from send in SendFor(bootTime ? Entry.BootTime : Entry.Runtime, profile.Endless && i == count - 1)
                select send)
            select Interleave(sends, exitAt, withContext);

        /// <summary>
        /// A send and its twin. Boot-versus-runtime twins straddle ExitBootServices; the others follow it, the
        /// original first.
        /// </summary>
        private Gen<ImmutableArray<Step>> TwinSteps(TwinVariation variation) =>
            variation == TwinVariation.BootVersusRuntime
                ? bootTime.Select(send => ImmutableArray.Create<Step>(send, new ExitBootServicesStep(true), new TwinStep(0, variation, 0)))
                : from send in runtime
                  from parameter in TwinParameter(variation)
                  select ImmutableArray.Create<Step>(new ExitBootServicesStep(true), send, new TwinStep(1, variation, parameter));
    }

    public static Gen<Script> Script(ScenarioProfile profile, Convention request, bool endless) =>
        Script(profile, Gen.Frequency(profile.Terminals.Where(t => t.Weight > 0).Select(t => (t.Weight, AnswerGen.Terminal(t.Value, request, profile.NoisePercent)))), endless);

    private static Gen<Script> Script(ScenarioProfile profile, Gen<Answer> terminal, bool endless)
    {
        // A profile without links generates depth 0 only, so the link generator is never sampled.
        var link = profile.Chain.Links.Count == 0
            ? Gen.Constant<Answer>(new InterruptAnswer(Convention.Smc32, null, 0, Noise.None))
            : Gen.Frequency(profile.Chain.Links.Where(l => l.Weight > 0).Select(l => (l.Weight, AnswerGen.Link(l.Value, profile.NoisePercent))));
        return from depth in Depth(profile.Chain)
               from links in link.ArrayOf(depth)
               from final in endless ? Gen.Constant<Answer?>(null) : terminal.Select(t => (Answer?)t)
               from forever in endless ? link.Select(l => (Answer?)l) : Gen.Constant<Answer?>(null)
               select new Script(final is null ? [.. links] : [.. links, final], forever);
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

    /// <summary>The script of a REQ2: chains as for any request, final answers as <see cref="AnswerGen.Terminal2"/> reads the profile's kinds.</summary>
    public static Gen<Script> Script2(ScenarioProfile profile, bool endless) =>
        Script(profile, Gen.Frequency(profile.Terminals.Where(t => t.Weight > 0).Select(t => (t.Weight, AnswerGen.Terminal2(t.Value, profile.NoisePercent)))), endless);

    private static ServiceUuid OwnUuid(PartitionTable partitions, ushort destination) =>
        partitions.Find(destination) is { } partition ? ServiceUuid.From(partition.Uuid) : ServiceUuid.Null;

    /// <summary>The service UUID of a REQ2: the destination partition's (most often), the null UUID (any service), or another.</summary>
    private static Gen<ServiceUuid> Uuid(PartitionTable partitions, ushort destination) =>
        partitions.Find(destination) is { } partition
            ? Gen.Frequency(
                (4, Gen.Constant(ServiceUuid.From(partition.Uuid))),
                (1, Gen.Constant(ServiceUuid.Null)),
                (1, from x2 in ValueGen.UInt64 from x3 in ValueGen.UInt64 select new ServiceUuid(x2, x3)))
            : Gen.Frequency((1, Gen.Constant(ServiceUuid.Null)), (1, from x2 in ValueGen.UInt64 from x3 in ValueGen.UInt64 select new ServiceUuid(x2, x3)));

    private static ImmutableArray<Step> Interleave(Step[] sends, int exitAt, bool withContext)
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

    public static Gen<ulong> TwinParameter(TwinVariation variation) => variation switch
    {
        TwinVariation.X0UpperHalf => ValueGen.NonZeroUpper.Select(v => (ulong)v),
        TwinVariation.ErrorCodeExtension => Gen.Frequency((1, Gen.Constant(0UL)), (1, ValueGen.NonZeroUpper.Select(v => (ulong)v))),
        TwinVariation.YieldTimeout => Gen.Frequency((2, AnswerGen.CodeLike.Select(v => (ulong)v)), (1, ValueGen.UInt64.Where(v => v != 0))),
        TwinVariation.UnexpectedX2 => AnswerGen.UnexpectedX2,
        _ => Gen.Constant(0UL),
    };
}
