/*
 * FfaConformance QEMU firmware: the SMCCC v1.2 conduit, runtime-resident as
 * U-Boot's arm_smccc_1_2_smc is: x0-x17 loaded from *args, SMC, x0-x17 stored
 * to *res. With the harness's secure world, the harness replaces the SMC with
 * its trap and answers it. With a real one the SMC runs: the harness traps
 * fw_conduit_issue, where x0-x17 are the request, and fw_conduit_answered,
 * where they are the real answer, and records both.
 */
	.section .text.efi_runtime, "ax"
	.global invoke_ffa_fn_runtime
invoke_ffa_fn_runtime:
	stp	x19, x20, [sp, #-16]!
	mov	x19, x1
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x0, x1, [x0]
	.global fw_conduit_issue
fw_conduit_issue:
	nop
	smc	#0
	.global fw_conduit_answered
fw_conduit_answered:
	nop
	stp	x0, x1, [x19]
	stp	x2, x3, [x19, #16]
	stp	x4, x5, [x19, #32]
	stp	x6, x7, [x19, #48]
	stp	x8, x9, [x19, #64]
	stp	x10, x11, [x19, #80]
	stp	x12, x13, [x19, #96]
	stp	x14, x15, [x19, #112]
	stp	x16, x17, [x19, #128]
	ldp	x19, x20, [sp], #16
	ret
