using System.Buffers.Binary;

namespace FfaConformance.Abi;

/// <summary>
/// The UUID of the service an FFA_MSG_SEND_DIRECT_REQ2 addresses, as x2/x3 carry it: the 16 bytes of the UUID
/// in RFC 4122 order (a driver's uuid_t) read as two little-endian 64-bit words, bytes 0–7 in x2 and 8–15 in
/// x3. The null UUID asks for any service of the receiver.
/// </summary>
public readonly record struct ServiceUuid(ulong X2, ulong X3)
{
    public static ServiceUuid Null => default;

    public bool IsNull => X2 == 0 && X3 == 0;

    public static ServiceUuid FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16
            ? new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]))
            : throw new ArgumentException($"a UUID has 16 bytes, got {bytes.Length}", nameof(bytes));

    public static ServiceUuid From(Guid uuid) => FromBytes(uuid.ToByteArray(bigEndian: true));

    public byte[] ToBytes()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, X2);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), X3);
        return bytes;
    }

    public override string ToString() => IsNull ? "null UUID" : new Guid(ToBytes(), bigEndian: true).ToString();
}
