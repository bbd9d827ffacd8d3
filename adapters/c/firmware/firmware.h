/*
 * FfaConformance QEMU firmware: a minimal aarch64 image for -M virt that runs
 * a transport under test at EL1. The harness drives it through the gdbstub:
 * it stops at fw_wait to exchange commands in fw_mailbox, at every conduit
 * instruction to answer the call, and at fw_fault_park after an exception.
 * Keep the layouts in step with adapters/Qemu/Firmware.cs.
 */
#ifndef FFA_FIRMWARE_H
#define FFA_FIRMWARE_H

#include <stdint.h>

/* Commands, as the native host's (host/protocol.h). */
#define FW_BEGIN		1
#define FW_SEND			2
#define FW_EXIT_BOOT_SERVICES	3

struct fw_mailbox {
	uint32_t command;	/* 0: written by the harness */
	uint32_t arg;		/* 4 */
	uint64_t x[6];		/* 8: BEGIN: ID, version; SEND: destination, message */
	uint32_t status;	/* 56: written by the firmware: HARNESS_OK or a failure */
	int32_t result;		/* 60 */
	uint64_t message[5];	/* 64 */
	uint32_t capabilities;	/* 104 */
	uint32_t pad;		/* 108 */
};

struct fw_fault {
	uint64_t vector;	/* 0: which of the 16 entries */
	uint64_t esr;		/* 8 */
	uint64_t elr;		/* 16 */
	uint64_t far;		/* 24 */
	uint64_t runtime;	/* 32: 1 if only runtime memory was mapped */
};

extern struct fw_mailbox fw_mailbox;
extern volatile uint64_t fw_runtime_active;

/* mmu.c */
void fw_mmu_init(void);
extern uint64_t fw_boot_ttbr;
extern uint64_t fw_runtime_ttbr;

/* trampoline.S: the runtime entry with only runtime memory mapped, on the runtime stack. */
int fw_call_runtime(uint16_t dst, void *msg, int smc64);

#endif
