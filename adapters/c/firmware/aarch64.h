/*
 * FfaConformance QEMU firmware: assembler macros shared by our firmware and
 * the support code for a user's ELF (include from .S files only).
 */
#ifndef FFA_FIRMWARE_AARCH64_H
#define FFA_FIRMWARE_AARCH64_H

/* Sixteen 128-byte vector entries, each putting its index in x9 and branching to \handler. */
.macro VECTOR_TABLE handler
	.irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.balign 128
	mov	x9, #\n
	b	\handler
	.endr
.endm

/* Translate through the tables at \reg from now on, with nothing left of the old ones in the TLB. */
.macro USE_TTBR reg
	msr	ttbr0_el1, \reg
	isb
	tlbi	vmalle1
	dsb	ish
	isb
.endm

/* Store the vector index (x9), ESR, ELR and FAR at [\record]; clobbers x11. */
.macro RECORD_FAULT record
	str	x9, [\record, #0]
	mrs	x11, esr_el1
	str	x11, [\record, #8]
	mrs	x11, elr_el1
	str	x11, [\record, #16]
	mrs	x11, far_el1
	str	x11, [\record, #24]
.endm

#endif
