/*
 * FfaConformance native host: the messages between the managed harness and
 * the host process, and the shared page they travel through: one mailbox each
 * way, a sequence number the reader waits on (spinning briefly, then on a
 * futex) and a fixed-size record. The C# side reads every number here from
 * adapters/Wire.cs; tests/Native/WireContractTests.cs proves the two equal.
 */
#ifndef FFA_HOST_PROTOCOL_H
#define FFA_HOST_PROTOCOL_H

#include <stdint.h>

enum ffa_host_message {
	/* harness -> host */
	FFA_HOST_BEGIN = 1,	/* x[0] endpoint ID, x[1] FF-A version word */
	FFA_HOST_SEND = 2,	/* arg: flags below; x[0] destination, x[1..5] message */
	FFA_HOST_EXIT_BOOT_SERVICES = 3, /* arg: 1 with the event's context, 0 with NULL */
	FFA_HOST_ANSWER = 4,	/* x: the secure world's x0-x17 */
	FFA_HOST_STOP = 5,	/* abandon the step in progress */
	FFA_HOST_QUIT = 6,	/* exit */
	FFA_HOST_SEND2 = 7,	/* x[0] destination, x[1..2] service UUID, x[3..16] REQ2 message */

	/* host -> harness */
	FFA_HOST_HELLO = 16,	/* arg: capability flags below */
	FFA_HOST_CALL = 17,	/* x: the transport's x0-x17 */
	FFA_HOST_RETURNED = 18,	/* x[17] return value; SEND: x[0..4] message, x[5] 1 if NULL; SEND2: x[0..13] message */
	FFA_HOST_DONE = 19,	/* a begin or ExitBootServices step ended */
	FFA_HOST_STOPPED = 20,	/* the step was abandoned on a stop order */
	FFA_HOST_FAILED = 21,	/* arg: what the harness could not do (see below) */
};

/* Where RETURNED carries the implementation's return value, widened to 64 bits. */
#define FFA_HOST_RESULT_WORD	17

/* Send flags, capabilities and failures are the harness core's (core/harness.h). */

struct ffa_host_record {
	uint32_t type;
	uint32_t arg;
	uint64_t x[18];
};

/* A mailbox: seq changes after the record is written; waiting is set by a reader about to sleep. */
struct ffa_host_mailbox {
	uint32_t seq;
	uint32_t waiting;
	uint8_t pad[56];
	struct ffa_host_record record;
};

#define FFA_HOST_TO_HOST_OFFSET		0
#define FFA_HOST_TO_HARNESS_OFFSET	512
#define FFA_HOST_SHARED_SIZE		4096

#endif
