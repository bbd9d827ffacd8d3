using System.IO.Compression;
using System.Text;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// A gzip-compressed cpio archive in the "newc" format the kernel unpacks as its initial root file system:
/// directories, regular files, one character device (the console), nothing else. Written here so that setting
/// up a Linux target needs no cpio tool.
/// </summary>
public sealed class Initramfs
{
    private const int Directory = 0x4000 | 0x1ED;          // S_IFDIR | 0755
    private const int CharacterDevice = 0x2000 | 0x180;    // S_IFCHR | 0600
    private const int RegularFile = 0x8000;

    private readonly List<(string Name, int Mode, byte[] Data, int Major, int Minor)> entries = [];

    public Initramfs Folder(string name) => Add(name, Directory, [], 0, 0);

    public Initramfs Device(string name, int major, int minor) => Add(name, CharacterDevice, [], major, minor);

    public Initramfs File(string name, byte[] data, bool executable) => Add(name, RegularFile | (executable ? 0x1ED : 0x1A4), data, 0, 0);

    public void Write(string path)
    {
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var inode = 1;
        foreach (var (name, mode, data, major, minor) in entries)
        {
            Entry(gzip, inode++, name, mode, data, major, minor);
        }

        Entry(gzip, 0, "TRAILER!!!", 0, [], 0, 0);
    }

    private Initramfs Add(string name, int mode, byte[] data, int major, int minor)
    {
        entries.Add((name, mode, data, major, minor));
        return this;
    }

    private static void Entry(Stream output, int inode, string name, int mode, byte[] data, int major, int minor)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name + "\0");
        var fields = new[] { inode, mode, 0, 0, 1, 0, data.Length, 0, 0, major, minor, nameBytes.Length, 0 };
        var header = "070701" + string.Concat(fields.Select(f => f.ToString("X8", System.Globalization.CultureInfo.InvariantCulture)));
        output.Write(Encoding.ASCII.GetBytes(header));
        output.Write(nameBytes);
        Pad(output, 110 + nameBytes.Length);
        output.Write(data);
        Pad(output, data.Length);
    }

    private static void Pad(Stream output, int length)
    {
        for (var i = length; i % 4 != 0; i++)
        {
            output.WriteByte(0);
        }
    }
}
