using System.Buffers.Binary;

namespace FfaConformance.Scenarios;

/// <summary>A secure partition as FFA_PARTITION_INFO_GET describes it.</summary>
public sealed record Partition(ushort Id, Guid Uuid, ushort ExecutionContexts, uint Properties)
{
    /// <summary>Receives direct requests (bit 0), sends them (bit 1), runs in AArch64 (bit 8).</summary>
    public const uint DirectMessagingAArch64 = 0x103;

    /// <summary>The UUID as the descriptor and a driver's uuid_t hold it: RFC 4122 byte order.</summary>
    public byte[] UuidBytes => Uuid.ToByteArray(bigEndian: true);

    /// <summary>Bytes of a v1.0 descriptor; from v1.1 the UUID follows, and FFA_PARTITION_INFO_GET gives the size in w3.</summary>
    public const int V10DescriptorSize = 8;

    /// <summary>Bytes of a v1.1 descriptor, UUID included.</summary>
    public const int DescriptorSize = 24;

    /// <summary>Writes the descriptor: ID, execution contexts, properties (8 bytes, v1.0), then the UUID (24 bytes, v1.1).</summary>
    public void Describe(Span<byte> descriptor)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor, Id);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[2..], ExecutionContexts);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[4..], Properties);
        if (descriptor.Length >= DescriptorSize)
        {
            UuidBytes.CopyTo(descriptor[V10DescriptorSize..]);
        }
    }

    /// <summary>The partition a descriptor <see cref="Describe"/>s; a v1.0 descriptor has no UUID (<see cref="Guid.Empty"/>).</summary>
    public static Partition Read(ReadOnlySpan<byte> descriptor) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(descriptor),
        descriptor.Length >= DescriptorSize ? new Guid(descriptor.Slice(V10DescriptorSize, 16), bigEndian: true) : Guid.Empty,
        BinaryPrimitives.ReadUInt16LittleEndian(descriptor[2..]),
        BinaryPrimitives.ReadUInt32LittleEndian(descriptor[4..]));
}
