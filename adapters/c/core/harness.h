/*
 * FfaConformance harness core: what the harness does around an implementation
 * under test, for the native host process and the QEMU firmware alike.
 *
 * A binding's glue (bindings/<name>/glue.c, U-Boot's runtime transport
 * among them) provides the harness's commands in
 * the implementation's own API: a fresh boot, a direct request, an
 * FFA_MSG_SEND_DIRECT_REQ2 if the implementation has that entry,
 * ExitBootServices and the notify part of SetVirtualAddressMap where it has
 * those. Every command returns HARNESS_OK or a failure below; a request's
 * result is the implementation's own return value, widened to 64 bits.
 *
 * The core (state.c) saves the implementation's resident state at start and
 * puts it back at every fresh boot.
 *
 * The platform provides the conduit (invoke_ffa_fn_runtime: x0-x17 in, x0-x17
 * out), the list of memory ranges that hold the resident state, and how a
 * glue calls a runtime entry (harness_call_runtime: directly, or with
 * runtime-only memory mapped in the firmware).
 */
#ifndef FFA_HARNESS_H
#define FFA_HARNESS_H

#include <stdint.h>

/* Flags of a send command. The C# side has these in adapters/Wire.cs (proven equal by a test). */
#define HARNESS_SEND_SMC64		0x1u
#define HARNESS_SEND_RUNTIME		0x2u
#define HARNESS_SEND_NULL_MESSAGE	0x4u

/* Capabilities, and one reason a transport cannot be run at all. */
#define HARNESS_HAS_BOOT_ENTRY		0x1u
#define HARNESS_HAS_REQ2		0x2u	/* a REQ2 entry */
#define HARNESS_HAS_LIFECYCLE		0x4u	/* boot-time data and the ExitBootServices event under the harness's control */
#define HARNESS_TAKES_WIDTH		0x8u	/* the entry takes SMC32 or SMC64 from its caller */
#define HARNESS_STATE_TOO_LARGE		0x80000000u	/* resident state over 64 KiB: cannot be restored per case */

/* Failures a command can report instead of a result. */
#define HARNESS_OK			0
#define HARNESS_NO_EVENT		1	/* the probe registered no ExitBootServices event */
#define HARNESS_NO_BOOT_ENTRY		2	/* a boot-time send, but no boot-time entry */
#define HARNESS_NO_REQ2			3	/* a REQ2, but no REQ2 entry */
#define HARNESS_NO_SMC32		4	/* an SMC32 request, but the entry takes no width: it always sends SMC64 */

/* Words of a REQ2 message (x4-x17). */
#define HARNESS_REQ2_WORDS		14

/* Bytes of the platform's runtime buffer. */
#define HARNESS_RUNTIME_BUFFER		4096

struct harness_range {
	char *start;
	char *end;
};

/* Platform: the implementation's resident state, terminated by a range with start == NULL. */
extern const struct harness_range harness_state[];

/*
 * Platform: calls an int-returning runtime entry of the implementation with
 * three integer arguments the way an OS would after ExitBootServices (in our
 * firmware: with only runtime memory mapped, and at its virtual address after
 * SetVirtualAddressMap).
 */
int harness_call_runtime(const void *entry, uint64_t a, uint64_t b, uint64_t c);

/* Platform: HARNESS_RUNTIME_BUFFER bytes that stay mapped for runtime calls, where their arguments live. */
void *harness_runtime_buffer(void);

/* Platform: the address SetVirtualAddressMap gives a physical address of the runtime region, or 0 outside it. */
uint64_t harness_virtual_address(uint64_t physical);

/* Core (state.c). */
void harness_start(void);
int harness_state_too_large(void);
void harness_restore(void);

/* A binding's glue. */
uint32_t harness_capabilities(void);
int harness_begin(uint16_t endpoint_id, uint32_t version);
int harness_send(uint32_t flags, uint16_t dst, const uint64_t message[5], int64_t *result, uint64_t message_out[5]);
int harness_send2(uint16_t dst, const uint64_t uuid[2], const uint64_t message[HARNESS_REQ2_WORDS], int64_t *result,
		  uint64_t message_out[HARNESS_REQ2_WORDS]);
void harness_exit_boot_services(int with_context);
void harness_set_virtual_address_map(void);

#endif
