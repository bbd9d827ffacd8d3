namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// Page tables for a user's firmware ELF, in the format our firmware's mmu.c builds (4 KiB granule,
/// 39-bit addresses, MAIR attribute 0 normal write-back and 1 device nGnRnE, set up by elf_support.S): a boot
/// map of 1 GiB blocks over RAM and, as device memory in 2 MiB blocks, QEMU virt's devices from 0x08000000 (GIC,
/// UART, RTC: boot-time code may log; flash and the NULL page stay unmapped), a runtime map of 4 KiB pages
/// over only the ranges an OS keeps after ExitBootServices, the same without the runtime region for after
/// SetVirtualAddressMap, and for TTBR1 the runtime region alone at its virtual addresses.
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
    private readonly List<ulong[]> tables = [new ulong[512], new ulong[512], new ulong[512], new ulong[512]];
    private readonly Dictionary<(int Parent, ulong Index), int> next = [];

    private PageTables(ulong at) => this.at = at;

    public ulong BootTtbr => at;

    /// <summary>After ExitBootServices: the runtime region and the harness's pages, at their physical addresses.</summary>
    public ulong RuntimeTtbr => at + Page;

    /// <summary>After SetVirtualAddressMap, for TTBR0: the harness's pages alone.</summary>
    public ulong VirtualTtbr => at + (2 * Page);

    /// <summary>For TTBR1, always: the runtime region at <see cref="VirtualMap.Offset"/> above its physical addresses.</summary>
    public ulong HighTtbr => at + (3 * Page);

    /// <summary>The tables' bytes, to be loaded at the address they were built for.</summary>
    public byte[] Bytes => [.. tables.SelectMany(t => t).SelectMany(BitConverter.GetBytes)];

    public ulong End => at + ((ulong)tables.Count * Page);

    /// <summary>
    /// The maps of a firmware whose runtime region is <paramref name="region"/> and whose caller (message, stack,
    /// support code) lives in <paramref name="harness"/>.
    /// </summary>
    public static PageTables Build(ulong at, ulong ramStart, ulong ramEnd, IReadOnlyList<(ulong Start, ulong End)> region, IReadOnlyList<(ulong Start, ulong End)> harness)
    {
        var built = new PageTables(at);
        var devices = built.Table(0, 0);
        for (var block = DeviceBase / TwoMib; block < 512; block++)
        {
            built.tables[devices][block] = (block * TwoMib) | Device | DescriptorBlock;
        }

        for (var gib = ramStart / Gib; gib * Gib < ramEnd; gib++)
        {
            built.tables[0][gib] = (gib * Gib) | Memory | DescriptorBlock;
        }

        built.Map(1, [.. region, .. harness], 0);
        built.Map(2, harness, 0);
        built.Map(3, region, VirtualMap.Offset);
        return built;
    }

    /// <summary>Every page of <paramref name="ranges"/>, reached from level-1 table <paramref name="root"/> at <paramref name="offset"/> above its address.</summary>
    private void Map(int root, IEnumerable<(ulong Start, ulong End)> ranges, ulong offset)
    {
        foreach (var (start, end) in ranges)
        {
            for (var page = start & ~(Page - 1); page < end; page += Page)
            {
                var address = page + offset;
                var l2 = Table(root, (address >> 30) % 512);
                var l3 = Table(l2, (address >> 21) % 512);
                tables[l3][(address >> 12) % 512] = page | Memory | DescriptorPage;
            }
        }
    }

    /// <summary>The next-level table behind entry <paramref name="index"/> of table <paramref name="parent"/>, made on first use.</summary>
    private int Table(int parent, ulong index)
    {
        if (!next.TryGetValue((parent, index), out var table))
        {
            table = tables.Count;
            tables.Add(new ulong[512]);
            next[(parent, index)] = table;
            tables[parent][index] = (at + ((ulong)table * Page)) | DescriptorTable;
        }

        return table;
    }
}
