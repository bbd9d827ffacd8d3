/*
 * FfaConformance QEMU firmware: two identity maps with 4 KiB pages and a
 * 39-bit address space. The boot map covers RAM (1 GiB block at 0x40000000).
 * The runtime map covers only what an OS keeps for EFI runtime services plus
 * the harness's call path: the runtime sections, the always-mapped page
 * (vectors, trampoline), the caller's message page and the runtime stack.
 * Under the runtime map any other access is a translation fault, which is how
 * a residency violation (INV-RT-RESIDENT) shows itself.
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
#define DEVICE		(ATTR_DEVICE | AF | PXN | UXN)

extern char __fw_always_start[], __fw_always_end[];
extern char __efi_runtime_start[], __efi_runtime_end[];
extern char __fw_message_start[], __rt_stack_top[];
extern char __tables[];

uint64_t fw_boot_ttbr __attribute__((section(".data.fw_always")));
uint64_t fw_runtime_ttbr __attribute__((section(".data.fw_always")));

static void map_pages(uint64_t *l3, char *start, char *end)
{
	uint64_t page;

	for (page = (uint64_t)start & ~(PAGE - 1); page < (uint64_t)end; page += PAGE)
		l3[(page - RAM_BASE) / PAGE] = page | MEMORY | DESC_PAGE;
}

void fw_mmu_init(void)
{
	uint64_t *boot_l1 = (uint64_t *)__tables;
	uint64_t *runtime_l1 = boot_l1 + 512;
	uint64_t *runtime_l2 = boot_l1 + 1024;
	uint64_t *runtime_l3 = boot_l1 + 1536;
	uint64_t *boot_l2 = boot_l1 + 2048;
	uint64_t sctlr;
	int i;

	for (i = 0; i < 5 * 512; i++)
		boot_l1[i] = 0;
	boot_l1[0] = (uint64_t)boot_l2 | DESC_TABLE;
	for (i = DEVICE_BASE / BLOCK_2M; i < 512; i++)
		boot_l2[i] = (uint64_t)i * BLOCK_2M | DEVICE | DESC_BLOCK;
	boot_l1[1] = RAM_BASE | MEMORY | DESC_BLOCK;
	runtime_l1[1] = (uint64_t)runtime_l2 | DESC_TABLE;
	runtime_l2[0] = (uint64_t)runtime_l3 | DESC_TABLE;
	map_pages(runtime_l3, __fw_always_start, __fw_always_end);
	map_pages(runtime_l3, __efi_runtime_start, __efi_runtime_end);
	map_pages(runtime_l3, __fw_message_start, __rt_stack_top);
	fw_boot_ttbr = (uint64_t)boot_l1;
	fw_runtime_ttbr = (uint64_t)runtime_l1;

	__asm__ volatile(
		"msr mair_el1, %0\n"
		"msr tcr_el1, %1\n"
		"msr ttbr0_el1, %2\n"
		"isb\n"
		"tlbi vmalle1\n"
		"dsb ish\n"
		"isb\n"
		:: "r"(0xffull),
		   "r"(25ull | (1ull << 8) | (1ull << 10) | (3ull << 12) | (1ull << 23) | (2ull << 32)),
		   "r"(fw_boot_ttbr)
		: "memory");
	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	sctlr |= (1ull << 0) | (1ull << 2) | (1ull << 12);	/* M, C, I */
	__asm__ volatile("msr sctlr_el1, %0\nisb" :: "r"(sctlr) : "memory");
}
