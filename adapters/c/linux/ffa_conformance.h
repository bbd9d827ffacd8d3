/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FfaConformance companion module: the mailbox the harness shares with it.
 * Written for this project. The C# side reads every number here from
 * adapters/Wire.cs; tests/Native/WireContractTests.cs proves the two equal.
 *
 * The companion tells the harness where the mailbox and its wait point are
 * with one conduit call (CONF_HELLO), then waits at conf_wait(): the harness,
 * stopped there, writes a case (steps) and lets it go; the companion runs
 * each step through the FF-A driver's API, writing the running step's index
 * first, and comes back to conf_wait() with the results. A kernel oops or
 * panic is reported with CONF_FAULT and the text in the mailbox.
 */
#ifndef FFA_CONFORMANCE_H
#define FFA_CONFORMANCE_H

#ifdef __KERNEL__
#include <linux/types.h>
typedef u8 conf_u8;
typedef u32 conf_u32;
typedef s32 conf_s32;
typedef u64 conf_u64;
#else
#include <stdint.h>
typedef uint8_t conf_u8;
typedef uint32_t conf_u32;
typedef int32_t conf_s32;
typedef uint64_t conf_u64;
#endif

/* Conduit calls of the companion itself (SMC32 OEM service range): the harness answers them. */
#define CONF_HELLO		0x8300ffa0u	/* x1: mailbox physical address, x2: conf_wait, x3: devices bound */
#define CONF_FAULT		0x8300ffa1u	/* the kernel oopsed or panicked: the text is in the mailbox */

/* Step kinds, as the native host's commands (host/protocol.h). */
#define CONF_SEND		2	/* sync_send_receive: FFA_MSG_SEND_DIRECT_REQ */
#define CONF_SEND2		7	/* sync_send_receive2: FFA_MSG_SEND_DIRECT_REQ2 */

/* Step flags: the harness's send flags (core/harness.h). */
#define CONF_SMC64		0x1u

/* Step statuses. */
#define CONF_OK			0
#define CONF_NO_DEVICE		1	/* no ffa_device for the destination */
#define CONF_ABORTED		2	/* the harness stopped the case before this step */
#define CONF_NO_REQ2		3	/* the driver's API has no sync_send_receive2 */

#define CONF_MAX_STEPS		32
#define CONF_PAYLOAD		14	/* x4-x17 of REQ2; REQ uses the first five */
#define CONF_FAULT_TEXT		256

/* 144 bytes */
struct conf_step {
	conf_u32 kind;			/* 0 */
	conf_u32 flags;			/* 4 */
	conf_u64 dst;			/* 8 */
	conf_u64 x[CONF_PAYLOAD];	/* 16 */
	conf_u8 uuid[16];		/* 128: REQ2's service UUID, as the driver's uuid_t */
};

/* 120 bytes */
struct conf_result {
	conf_s32 status;		/* 0 */
	conf_s32 ret;			/* 4: what the driver returned */
	conf_u64 x[CONF_PAYLOAD];	/* 8: the message after the call */
};

struct conf_mailbox {
	conf_u32 steps;			/* 0: written by the harness */
	conf_u32 running;		/* 4: the step being run */
	conf_u32 completed;		/* 8: steps that ran to their end */
	conf_u32 abort;			/* 12: written by the harness: run no further step */
	conf_u32 devices;		/* 16: partitions the companion is bound to */
	conf_u32 fault;			/* 20: 1 after an oops or a panic */
	conf_u64 pad;			/* 24 */
	char fault_text[CONF_FAULT_TEXT];		/* 32 */
	struct conf_result result[CONF_MAX_STEPS];	/* 288 */
	struct conf_step step[CONF_MAX_STEPS];		/* 288 + 120 * CONF_MAX_STEPS */
};

#endif
