/*
 * FfaConformance QEMU firmware: call the runtime entry as an OS would after
 * ExitBootServices, with only runtime memory mapped: the runtime sections (at
 * their physical addresses, or after SetVirtualAddressMap only at their
 * virtual ones, through TTBR1), the runtime stack, the caller's message page
 * and this page. Any other access faults into the vectors.
 * fw_call_runtime(entry, a, b, c, ttbr, map) calls entry(a, b, c) under the
 * TTBR0 tables ttbr and records map for the vectors. x19/x20 keep the boot
 * stack and are callee-saved.
 */
#include "aarch64.h"

	.section .text.fw_always, "ax"
	.global fw_call_runtime
fw_call_runtime:
	stp	x29, x30, [sp, #-32]!
	stp	x19, x20, [sp, #16]
	mov	x19, sp
	mov	x12, x0
	mov	x0, x1
	mov	x1, x2
	mov	x2, x3
	ldr	x9, =__rt_stack_top
	mov	sp, x9
	ldr	x10, =fw_active_map
	str	x5, [x10]
	USE_TTBR x4
	blr	x12
	ldr	x10, =fw_boot_ttbr
	ldr	x10, [x10]
	USE_TTBR x10
	ldr	x10, =fw_active_map
	str	xzr, [x10]
	mov	sp, x19
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #32
	ret
	.ltorg
