/*
 * FfaConformance QEMU firmware: page tables with 4 KiB pages and 39-bit
 * address spaces. Three identity maps for TTBR0: the boot map covers RAM
 * (1 GiB block at 0x40000000) and QEMU virt's devices; the runtime map covers
 * only what an OS keeps for EFI runtime services plus the harness's call path:
 * the runtime sections, the always-mapped page (vectors, trampoline), the
 * caller's message page and the runtime stack; the virtual map, for after
 * SetVirtualAddressMap, is the runtime map without the runtime sections.
 * TTBR1 maps the runtime sections alone at FW_VIRTUAL_OFFSET above their
 * physical addresses. Under the runtime and virtual maps any other access is a
 * translation fault, which is how a residency violation (INV-RT-RESIDENT) or a
 * physical address kept past SetVirtualAddressMap (INV-RT-VIRTUAL) shows.
 */
#include <stdint.h>

#include "firmware.h"

#define PAGE		4096ull
#define RAM_BASE	0x40000000ull
#define DEVICE_BASE	0x08000000ull
#define BLOCK_2M	(2ull << 20)

#define DESC_TABLE	0x3ull
#define DESC_BLOCK	0x1ull
#define DESC_PAGE	0x3ull
#define ATTR_NORMAL	(0ull << 2)	/* MAIR attribute 0: normal write-back */
#define ATTR_DEVICE	(1ull << 2)	/* MAIR attribute 1 (0x00): device nGnRnE */
#define SH_INNER	(3ull << 8)
#define AF		(1ull << 10)
#define PXN		(1ull << 53)
#define UXN		(1ull << 54)

#define MEMORY		(ATTR_NORMAL | SH_INNER | AF | UXN)

/* 39-bit spaces of 4 KiB pages, write-back, inner shareable, for TTBR0 and TTBR1; 40-bit physical. */
#define TCR_HALF	(25ull | (1ull << 8) | (1ull << 10) | (3ull << 12))
#define TCR		(TCR_HALF | (TCR_HALF << 16) | (2ull << 30) | (2ull << 32))
#define DEVICE		(ATTR_DEVICE | AF | PXN | UXN)

extern char __fw_always_start[], __fw_always_end[];
extern char __efi_runtime_start[], __efi_runtime_end[];
extern char __fw_message_start[], __rt_stack_top[];
extern char __tables[];

uint64_t fw_boot_ttbr __attribute__((section(".data.fw_always")));
uint64_t fw_runtime_ttbr __attribute__((section(".data.fw_always")));
uint64_t fw_virtual_ttbr __attribute__((section(".data.fw_always")));

/* Every table sits in __tables, one page each. */
enum { BOOT_L1, BOOT_L2, RUNTIME_L1, RUNTIME_L2, RUNTIME_L3, VIRTUAL_L1, VIRTUAL_L2, VIRTUAL_L3, HIGH_L1, HIGH_L2, HIGH_L3, TABLES };

static uint64_t *table(int which)
{
	return (uint64_t *)__tables + 512 * which;
}

/* The image lies in RAM's first 2 MiB, so one level-3 table holds all its pages. */
static void map_pages(int l3, char *start, char *end)
{
	uint64_t page;

	for (page = (uint64_t)start & ~(PAGE - 1); page < (uint64_t)end; page += PAGE)
		table(l3)[(page - RAM_BASE) / PAGE] = page | MEMORY | DESC_PAGE;
}

/* A level-1 table whose entry for RAM's first 2 MiB (at va) leads to level-3 table l3. */
static void chain(int l1, int l2, int l3, uint64_t va)
{
	table(l1)[(va >> 30) & 511] = (uint64_t)table(l2) | DESC_TABLE;
	table(l2)[(va >> 21) & 511] = (uint64_t)table(l3) | DESC_TABLE;
}

void fw_mmu_init(void)
{
	uint64_t sctlr;
	int i;

	for (i = 0; i < TABLES * 512; i++)
		table(0)[i] = 0;
	table(BOOT_L1)[0] = (uint64_t)table(BOOT_L2) | DESC_TABLE;
	for (i = DEVICE_BASE / BLOCK_2M; i < 512; i++)
		table(BOOT_L2)[i] = (uint64_t)i * BLOCK_2M | DEVICE | DESC_BLOCK;
	table(BOOT_L1)[1] = RAM_BASE | MEMORY | DESC_BLOCK;
	chain(RUNTIME_L1, RUNTIME_L2, RUNTIME_L3, RAM_BASE);
	map_pages(RUNTIME_L3, __fw_always_start, __fw_always_end);
	map_pages(RUNTIME_L3, __efi_runtime_start, __efi_runtime_end);
	map_pages(RUNTIME_L3, __fw_message_start, __rt_stack_top);
	chain(VIRTUAL_L1, VIRTUAL_L2, VIRTUAL_L3, RAM_BASE);
	map_pages(VIRTUAL_L3, __fw_always_start, __fw_always_end);
	map_pages(VIRTUAL_L3, __fw_message_start, __rt_stack_top);
	/* The level-3 entries hold physical addresses; only the walk to them starts at the virtual one. */
	chain(HIGH_L1, HIGH_L2, HIGH_L3, RAM_BASE + FW_VIRTUAL_OFFSET);
	map_pages(HIGH_L3, __efi_runtime_start, __efi_runtime_end);
	fw_boot_ttbr = (uint64_t)table(BOOT_L1);
	fw_runtime_ttbr = (uint64_t)table(RUNTIME_L1);
	fw_virtual_ttbr = (uint64_t)table(VIRTUAL_L1);

	__asm__ volatile(
		"msr mair_el1, %0\n"
		"msr tcr_el1, %1\n"
		"msr ttbr0_el1, %2\n"
		"msr ttbr1_el1, %3\n"
		"isb\n"
		"tlbi vmalle1\n"
		"dsb ish\n"
		"isb\n"
		:: "r"(0xffull),
		   "r"(TCR),
		   "r"(fw_boot_ttbr), "r"((uint64_t)table(HIGH_L1))
		: "memory");
	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	sctlr |= (1ull << 0) | (1ull << 2) | (1ull << 12);	/* M, C, I */
	__asm__ volatile("msr sctlr_el1, %0\nisb" :: "r"(sctlr) : "memory");
}
