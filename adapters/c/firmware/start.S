/*
 * FfaConformance QEMU firmware: entry at EL1. The first boot zeroes .bss,
 * builds the page tables, turns the MMU on and saves the transport's resident
 * state; fw_reset (where the harness sends the PC after abandoning a step)
 * only brings the stack, vectors and boot mapping back.
 */
#include "aarch64.h"

	.section .text.boot, "ax"
	.global _start
_start:
	ldr	x0, =__boot_stack_top
	mov	sp, x0
	ldr	x0, =fw_vectors
	msr	vbar_el1, x0
	isb
	bl	fw_first_boot
	b	fw_main

	.global fw_reset
fw_reset:
	ldr	x0, =__boot_stack_top
	mov	sp, x0
	ldr	x0, =fw_vectors
	msr	vbar_el1, x0
	ldr	x0, =fw_boot_ttbr
	ldr	x0, [x0]
	USE_TTBR x0
	ldr	x0, =fw_active_map
	str	xzr, [x0]
	b	fw_main
