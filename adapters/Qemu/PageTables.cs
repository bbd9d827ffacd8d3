namespace FfaConformance.Adapters.Qemu;

/// <summary>
/// Identity page tables for a user's firmware ELF, in the format our firmware's mmu.c builds (4 KiB granule,
/// 39-bit addresses, MAIR attribute 0 normal write-back and 1 device nGnRnE, set up by elf_support.S): a boot
/// map of 1 GiB blocks over RAM and, as device memory in 2 MiB blocks, QEMU virt's devices from 0x08000000 (GIC,
/// UART, RTC: boot-time code may log; flash and the NULL page stay unmapped), and a runtime map of 4 KiB pages
/// over only the ranges an OS keeps after ExitBootServices.
/// </summary>
internal sealed class PageTables
{
    private const ulong Page = 4096;

    /// <summary>Where QEMU virt's devices begin (hw/arm/virt.c: the GIC); below are flash and the NULL page.</summary>
    public const ulong DeviceBase = 0x0800_0000;
    private const ulong Gib = 1UL << 30;
    private const ulong TwoMib = 2UL << 20;
    private const ulong DescriptorTable = 0x3;
    private const ulong DescriptorBlock = 0x1;
    private const ulong DescriptorPage = 0x3;
    private const ulong Memory = (3UL << 8) | (1UL << 10) | (1UL << 54);   // inner shareable, accessed, no EL0 execute
    private const ulong Device = (1UL << 2) | (1UL << 10) | (1UL << 53) | (1UL << 54);   // attribute 1, accessed, never executed

    private readonly ulong at;
    private readonly List<ulong[]> tables = [new ulong[512], new ulong[512]];
    private readonly Dictionary<ulong, int> next = [];

    private PageTables(ulong at) => this.at = at;

    public ulong BootTtbr => at;

    public ulong RuntimeTtbr => at + Page;

    /// <summary>The tables' bytes, to be loaded at the address they were built for.</summary>
    public byte[] Bytes => [.. tables.SelectMany(t => t).SelectMany(BitConverter.GetBytes)];

    public ulong End => at + ((ulong)tables.Count * Page);

    public static PageTables Build(ulong at, ulong ramStart, ulong ramEnd, IEnumerable<(ulong Start, ulong End)> runtime)
    {
        var built = new PageTables(at);
        var devices = built.Table(0, 0, 0);
        for (var block = DeviceBase / TwoMib; block < 512; block++)
        {
            built.tables[devices][block] = (block * TwoMib) | Device | DescriptorBlock;
        }
        for (var gib = ramStart / Gib; gib * Gib < ramEnd; gib++)
        {
            built.tables[0][gib] = (gib * Gib) | Memory | DescriptorBlock;
        }

        foreach (var (start, end) in runtime)
        {
            for (var page = start & ~(Page - 1); page < end; page += Page)
            {
                var l2 = built.Table(1, page / Gib, page & ~(Gib - 1));
                var l3 = built.Table(l2, (page / TwoMib) % 512, page & ~(TwoMib - 1));
                built.tables[l3][(page / Page) % 512] = page | Memory | DescriptorPage;
            }
        }

        return built;
    }

    /// <summary>The next-level table behind entry <paramref name="index"/> of table <paramref name="parent"/>, made on first use.</summary>
    private int Table(int parent, ulong index, ulong key)
    {
        var id = (key << 1) | (parent == 1 ? 1UL : 0);
        if (!next.TryGetValue(id, out var table))
        {
            table = tables.Count;
            tables.Add(new ulong[512]);
            next[id] = table;
            tables[parent][index] = (at + ((ulong)table * Page)) | DescriptorTable;
        }

        return table;
    }
}
