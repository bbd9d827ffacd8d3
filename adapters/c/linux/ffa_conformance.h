/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FfaConformance companion module: the mailbox the harness shares with it.
 * Written for this project. The C# side reads every number here from
 * adapters/Wire.cs; tests/Native/WireContractTests.cs proves the two equal.
 *
 * The companion tells the harness where the mailbox is with one conduit call
 * (CONF_HELLO), then waits in another (CONF_WAIT): the harness writes a case
 * (steps) and answers it; the companion runs each step through the FF-A
 * driver's API, writing the running step's index first, and calls CONF_WAIT
 * again with the results. A kernel oops or
 * panic is reported with CONF_FAULT and the text in the mailbox.
 *
 * On a board (harness=device) nothing traps the conduit: the companion offers
 * the misc device /dev/ffa_conformance instead, which ffa_agent relays over
 * SSH. The harness writes a case (struct conf_case); the companion runs it in
 * its thread and, for every conduit call that thread makes, either answers in
 * the kernel with the harness's answer (CONF_EV_CALL, then CONF_MSG_ANSWER) or
 * lets the call through to the real secure world and reports it with its
 * answer (CONF_EV_OBSERVED, acknowledged by CONF_MSG_ANSWER). Every other
 * conduit call on the board passes through untouched. One read() returns one
 * event; one write() takes one message. A case's events carry its id, so that
 * those of a case cut off with an earlier session are told apart.
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
#define CONF_HELLO		0x8300ffa0u	/* x1: mailbox physical address, x2: devices bound */
#define CONF_FAULT		0x8300ffa1u	/* the kernel oopsed or panicked: the text is in the mailbox */
#define CONF_WAIT		0x8300ffa2u	/* the results are in the mailbox; answered with the next case */

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

/* Board mode: messages the harness writes to the device (the first word). */
#define CONF_MSG_CASE		1	/* struct conf_case */
#define CONF_MSG_ANSWER		2	/* struct conf_answer */
#define CONF_MSG_PING		3	/* struct conf_answer, kind only: an FF-A call from the writer's own task */

/* Board mode: events the device returns (the first word). */
#define CONF_EV_HELLO		1	/* struct conf_hello, on open */
#define CONF_EV_CALL		2	/* struct conf_event: the case's thread called the conduit; answer it */
#define CONF_EV_OBSERVED	3	/* struct conf_event: the secure world answered (res); acknowledge it */
#define CONF_EV_DONE		4	/* struct conf_done: the case ended */
#define CONF_EV_FAULT		5	/* struct conf_fault: the kernel oopsed or panicked */
#define CONF_EV_PING		6	/* struct conf_event: ret in args[0], partition ID found in args[1] */

/* Case flags. */
#define CONF_CASE_OBSERVE	0x1u	/* let the case's calls through to the secure world */

/* Conduits, as struct conf_event's conduit. */
#define CONF_CONDUIT_SMC	0
#define CONF_CONDUIT_HVC	1

#define CONF_REGS		18	/* x0-x17, as struct arm_smccc_1_2_regs */
#define CONF_MAX_PARTITIONS	8

struct conf_case {
	conf_u32 kind;			/* 0: CONF_MSG_CASE */
	conf_u32 steps;			/* 4 */
	conf_u32 flags;			/* 8 */
	conf_u32 id;			/* 12: echoed in the case's events */
	struct conf_step step[CONF_MAX_STEPS];	/* 16 */
};

struct conf_answer {
	conf_u32 kind;			/* 0: CONF_MSG_ANSWER or CONF_MSG_PING */
	conf_u32 abort;			/* 4: run no further step; a[] replaces the answer */
	conf_u64 a[CONF_REGS];		/* 8 */
};

struct conf_event {
	conf_u32 kind;			/* 0 */
	conf_u32 step;			/* 4: the step running */
	conf_u32 conduit;		/* 8 */
	conf_u32 id;			/* 12: the case's */
	conf_u64 args[CONF_REGS];	/* 16 */
	conf_u64 res[CONF_REGS];	/* 160: CONF_EV_OBSERVED only */
};

/* 24 bytes */
struct conf_partition {
	conf_u32 id;			/* 0 */
	conf_u32 flags;			/* 4: CONF_PARTITION_* */
	conf_u8 uuid[16];		/* 8 */
};

#define CONF_PARTITION_STAND_IN	0x1u	/* registered by the companion for the harness's secure world */

struct conf_hello {
	conf_u32 kind;			/* 0: CONF_EV_HELLO */
	conf_u32 version;		/* 4: the FF-A version the driver negotiated */
	conf_u32 partitions;		/* 8 */
	conf_u32 faulted;		/* 12: the case's thread oopsed in an earlier case and is gone */
	struct conf_partition partition[CONF_MAX_PARTITIONS];	/* 16 */
};

struct conf_done {
	conf_u32 kind;			/* 0: CONF_EV_DONE */
	conf_u32 completed;		/* 4 */
	conf_u32 id;			/* 8: the case's */
	conf_u32 pad;			/* 12 */
	struct conf_result result[CONF_MAX_STEPS];	/* 16 */
};

struct conf_fault {
	conf_u32 kind;			/* 0: CONF_EV_FAULT */
	char text[CONF_FAULT_TEXT];	/* 4 */
};

#endif
