using System.Buffers.Binary;

namespace FfaConformance.Scenarios;

/// <summary>A secure partition as FFA_PARTITION_INFO_GET describes it.</summary>
public sealed record Partition(ushort Id, Guid Uuid, ushort ExecutionContexts, uint Properties)
{
    /// <summary>Receives direct requests (bit 0), sends them (bit 1), runs in AArch64 (bit 8).</summary>
    public const uint DirectMessagingAArch64 = 0x103;

    /// <summary>The UUID as the descriptor and a driver's uuid_t hold it: RFC 4122 byte order.</summary>
    public byte[] UuidBytes => Uuid.ToByteArray(bigEndian: true);

    /// <summary>Writes the descriptor: ID, execution contexts, properties (8 bytes, v1.0), then the UUID (24 bytes, v1.1).</summary>
    public void Describe(Span<byte> descriptor)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor, Id);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[2..], ExecutionContexts);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[4..], Properties);
        if (descriptor.Length >= 24)
        {
            UuidBytes.CopyTo(descriptor[8..]);
        }
    }
}
