/*
 * FfaConformance QEMU firmware: exception vectors. They sit in .text.fw_always,
 * mapped under both page tables, so a fault in runtime code lands here too.
 * The handler returns to the boot mapping, records vector, ESR, ELR, FAR and
 * the map the fault happened under (FW_MAP_*), and parks at fw_fault_park, where
 * the harness has a trap.
 */
#include "aarch64.h"

	.section .text.fw_always, "ax"
	.balign 2048
	.global fw_vectors
fw_vectors:
	VECTOR_TABLE fw_exception

fw_exception:
	ldr	x10, =fw_boot_ttbr
	ldr	x10, [x10]
	USE_TTBR x10
	ldr	x10, =fw_fault_record
	RECORD_FAULT x10
	ldr	x11, =fw_active_map
	ldr	x11, [x11]
	str	x11, [x10, #32]
	.global fw_fault_park
fw_fault_park:
	b	fw_fault_park
