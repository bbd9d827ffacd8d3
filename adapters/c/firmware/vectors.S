/*
 * FfaConformance QEMU firmware: exception vectors. They sit in .text.fw_always,
 * mapped under both page tables, so a fault in runtime code lands here too.
 * The handler returns to the boot mapping, records vector, ESR, ELR, FAR and
 * whether only runtime memory was mapped, and parks at fw_fault_park, where
 * the harness has a breakpoint.
 */
	.section .text.fw_always, "ax"
	.balign 2048
	.global fw_vectors
fw_vectors:
	.irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.balign 128
	mov	x9, #\n
	b	fw_exception
	.endr

fw_exception:
	ldr	x10, =fw_boot_ttbr
	ldr	x10, [x10]
	msr	ttbr0_el1, x10
	isb
	tlbi	vmalle1
	dsb	ish
	isb
	ldr	x10, =fw_fault_record
	str	x9, [x10, #0]
	mrs	x11, esr_el1
	str	x11, [x10, #8]
	mrs	x11, elr_el1
	str	x11, [x10, #16]
	mrs	x11, far_el1
	str	x11, [x10, #24]
	ldr	x11, =fw_runtime_active
	ldr	x11, [x11]
	str	x11, [x10, #32]
	.global fw_fault_park
fw_fault_park:
	b	fw_fault_park
