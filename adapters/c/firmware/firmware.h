/*
 * FfaConformance QEMU firmware: a minimal aarch64 image for -M virt that runs
 * a transport under test at EL1. The harness drives it through the gdbstub:
 * it stops at fw_wait to exchange a case in fw_mailbox, at every conduit
 * instruction to answer the call, and at fw_fault_park after an exception.
 * The C# side reads every number and offset here from adapters/Wire.cs;
 * tests/Native/WireContractTests.cs proves the two equal.
 */
#ifndef FFA_FIRMWARE_H
#define FFA_FIRMWARE_H

#include <stdint.h>

/* Step kinds, as the native host's commands (host/protocol.h). */
#define FW_SEND			2
#define FW_EXIT_BOOT_SERVICES	3
#define FW_SEND2		7
#define FW_SET_VIRTUAL_ADDRESS_MAP	8

/* Steps a case may have; the harness refuses longer scenarios. */
#define FW_MAX_STEPS		32

/* 144 bytes */
struct fw_step {
	uint32_t kind;		/* 0: FW_SEND, FW_SEND2 or FW_EXIT_BOOT_SERVICES */
	uint32_t arg;		/* 4: SEND: HARNESS_SEND_* flags; EXIT_BOOT_SERVICES: with context */
	uint64_t x[17];		/* 8: SEND: destination, message; SEND2: destination, UUID (2 words), message */
};

/* 128 bytes */
struct fw_result {
	uint32_t status;	/* 0: HARNESS_OK or a failure */
	uint32_t pad;		/* 4 */
	int64_t result;		/* 8: the implementation's return value, widened */
	uint64_t message[14];	/* 16: SEND: the first five */
};

/*
 * A whole case: the harness writes the header and the steps, the firmware runs
 * them in order with x18 holding the running step's index (everything is built
 * with -ffixed-x18), so each trapped call names its step, and stops at fw_wait
 * only when the case is over.
 */
struct fw_mailbox {
	uint32_t steps;		/* 0: written by the harness */
	uint32_t endpoint_id;	/* 4 */
	uint32_t version;	/* 8 */
	uint32_t capabilities;	/* 12: written by the firmware at first boot */
	uint32_t begin_status;	/* 16: written by the firmware */
	uint32_t completed;	/* 20: steps that ran to their end */
	uint64_t pad;		/* 24 */
	struct fw_result result[FW_MAX_STEPS];	/* 32: read with the header in one go */
	struct fw_step step[FW_MAX_STEPS];	/* 32 + 128 * FW_MAX_STEPS */
};

/* Which map a fault happened under (fw_fault.map). */
#define FW_MAP_BOOT		0
#define FW_MAP_RUNTIME		1	/* after ExitBootServices: identity, runtime memory only */
#define FW_MAP_VIRTUAL		2	/* after SetVirtualAddressMap: the runtime region only at its virtual address */

struct fw_fault {
	uint64_t vector;	/* 0: which of the 16 entries */
	uint64_t esr;		/* 8 */
	uint64_t elr;		/* 16 */
	uint64_t far;		/* 24 */
	uint64_t map;		/* 32: FW_MAP_* */
};

/*
 * SetVirtualAddressMap, as the harness plays the OS: the runtime region is
 * mapped (through TTBR1) only at its physical address plus this offset, high
 * in the address space as an OS kernel's own addresses are, and nothing of it
 * stays at its physical address. A multiple of 1 GiB, so one set of level-2
 * and level-3 indices serves both addresses.
 */
#define FW_VIRTUAL_OFFSET	0xFFFFFFBFC0000000ull

/* 24 bytes: a word of the runtime region that holds an absolute address, as the image's relocations name it. */
struct fw_relocation {
	uint64_t address;	/* 0: where the word is (physical) */
	uint64_t linked;	/* 8: its value as linked, restored at every fresh boot */
	uint64_t virt;		/* 16: its value after SetVirtualAddressMap (linked, if it points outside the region) */
};

#define FW_MAX_RELOCATIONS	1024

/*
 * Written by the harness once, from the image's relocations; the firmware
 * applies it as U-Boot's efi_runtime_relocate applies .efi_runtime_rel.
 */
struct fw_virtual_map {
	uint64_t count;		/* 0 */
	uint64_t pad;		/* 8 */
	struct fw_relocation relocation[FW_MAX_RELOCATIONS];	/* 16 */
};

extern struct fw_mailbox fw_mailbox;
extern struct fw_virtual_map fw_virtual_map;
extern volatile uint64_t fw_active_map;

/* mmu.c */
void fw_mmu_init(void);
extern uint64_t fw_boot_ttbr;
extern uint64_t fw_runtime_ttbr;
extern uint64_t fw_virtual_ttbr;

/*
 * trampoline.S: a runtime entry called with three arguments on the runtime
 * stack, with TTBR0 switched to ttbr (fw_runtime_ttbr, or fw_virtual_ttbr and
 * the entry's virtual address) and FW_MAP_* map recorded for the vectors.
 */
int fw_call_runtime(uint64_t entry, uint64_t a, uint64_t b, uint64_t c, uint64_t ttbr, uint64_t map);

/* Where the running case is: set by fw_main's ExitBootServices and SetVirtualAddressMap steps. */
extern int fw_after_exit_boot_services;
extern int fw_after_set_virtual_address_map;

#endif
