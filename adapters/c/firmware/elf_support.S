/*
 * FfaConformance QEMU adapter: the support code loaded next to a user's
 * firmware ELF, whose functions are called directly, without its start-up.
 * Linked just above the ELF. The adapter calls elf_setup once (vectors, MMU
 * with the boot map the adapter wrote) and every function through elf_call,
 * which switches to the requested page tables, so that after
 * ExitBootServices only runtime memory is mapped, and after
 * SetVirtualAddressMap the runtime sections only at their virtual addresses
 * (TTBR1), as in our own firmware.
 * Both end at elf_done and a fault at elf_park, where the adapter has
 * traps; elf_record is laid out as our firmware's fault record.
 */
#include "aarch64.h"

	.section .elf_support, "awx"	/* one page: code, fault record and saved map */
	.balign 2048
	.global elf_vectors
elf_vectors:
	VECTOR_TABLE elf_exception

/* x0: the boot map's level-1 table; x1: TTBR1's, which maps the runtime sections at their virtual addresses. */
	.global elf_setup
elf_setup:
	ldr	x10, =elf_boot_ttbr
	str	x0, [x10]
	msr	ttbr1_el1, x1
	ldr	x10, =elf_vectors
	msr	vbar_el1, x10
	mov	x10, #(3 << 20)		/* FP/SIMD on, as U-Boot's start-up leaves it */
	msr	cpacr_el1, x10
	mov	x10, #0xff		/* attribute 0: normal write-back */
	msr	mair_el1, x10
	/* as mmu.c's TCR: 39-bit spaces of 4 KiB pages for TTBR0 and TTBR1, 40-bit physical */
	ldr	x10, =(25 | (1 << 8) | (1 << 10) | (3 << 12) | (25 << 16) | (1 << 24) | (1 << 26) | (3 << 28) | (2 << 30) | (2 << 32))
	msr	tcr_el1, x10
	USE_TTBR x0
	mrs	x10, sctlr_el1
	orr	x10, x10, #(1 << 0)	/* M */
	orr	x10, x10, #(1 << 2)	/* C */
	orr	x10, x10, #(1 << 12)	/* I */
	msr	sctlr_el1, x10
	isb
	b	elf_done

/* x0-x3: arguments; x9: the function; x10: the TTBR0 map to call it under; x12: which map that is (FW_MAP_*). */
	.global elf_call
elf_call:
	ldr	x11, =elf_record
	str	x12, [x11, #32]
	USE_TTBR x10
	blr	x9
	bl	elf_boot_map
	ldr	x11, =elf_record
	str	xzr, [x11, #32]
	.global elf_done
elf_done:
	b	elf_done

elf_boot_map:
	ldr	x10, =elf_boot_ttbr
	ldr	x10, [x10]
	USE_TTBR x10
	ret

elf_exception:
	bl	elf_boot_map
	ldr	x10, =elf_record
	RECORD_FAULT x10
	.global elf_park
elf_park:
	b	elf_park
	.ltorg

	.balign 8
	.global elf_record
elf_record:
	.fill 5, 8, 0
elf_boot_ttbr:
	.quad 0
