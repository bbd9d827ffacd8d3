namespace FfaConformance.Scenarios;

/// <summary>The partitions the managed secure world hosts. Generators pick known and unknown destinations from it.</summary>
public sealed class PartitionTable
{
    /// <summary>StandaloneMM (EFI variables) first, as on the boards the seed targets; then two more SPs.</summary>
    public static readonly PartitionTable Default = new(
    [
        new Partition(0x8001, Guid.Parse("33d532ed-e699-0942-c09c-a798d9cd722d"), 1, Partition.DirectMessagingAArch64),
        new Partition(0x8002, Guid.Parse("5a1d0c3e-8f47-4b2a-9e61-0d3c7a2b4f18"), 1, Partition.DirectMessagingAArch64),
        new Partition(0x8003, Guid.Parse("e0a8a4f2-6d2a-4b0f-9c5e-1f3a7b9d0c11"), 4, Partition.DirectMessagingAArch64),
    ]);

    public PartitionTable(IReadOnlyList<Partition> partitions)
    {
        if (partitions.Count == 0)
        {
            throw new ArgumentException("a partition table needs at least one partition", nameof(partitions));
        }

        Partitions = partitions;
        Ids = partitions.Select(p => p.Id).ToArray();
    }

    public IReadOnlyList<Partition> Partitions { get; }

    public IReadOnlyList<ushort> Ids { get; }

    /// <summary>The canonical destination shrinking moves toward.</summary>
    public ushort First => Ids[0];

    public bool Contains(ushort id) => Ids.Contains(id);

    /// <summary>The partition with endpoint ID <paramref name="id"/>, or null.</summary>
    public Partition? Find(ushort id) => Partitions.FirstOrDefault(p => p.Id == id);
}
