/*
 * FfaConformance host shim: FF-A function numbers, ID composition, error
 * enumeration and the driver's private data as U-Boot's runtime transport
 * sees them (layouts as U-Boot's include/arm_ffa_priv.h and the FF-A
 * specification, Arm DEN0077A, give them).
 */
#ifndef FFA_SHIM_ARM_FFA_PRIV_H
#define FFA_SHIM_ARM_FFA_PRIV_H

#include <arm_ffa.h>
#include <linux/types.h>

/* Fast call (bit 31), convention (bit 30), owner 4 (standard secure), number. */
#define FFA_SMC(smc64, func_num) \
	((u32)(0x80000000u | ((smc64) ? 0x40000000u : 0u) | (4u << 24) | ((func_num) & 0xffffu)))
#define FFA_SMC_32(func_num)	FFA_SMC(0, (func_num))
#define FFA_SMC_64(func_num)	FFA_SMC(1, (func_num))

/* The function numbers U-Boot knows; FFA_YIELD (0x6c) is not among them. */
enum ffa_abis {
	FFA_ERROR = 0x60,
	FFA_SUCCESS = 0x61,
	FFA_INTERRUPT = 0x62,
	FFA_VERSION = 0x63,
	FFA_FEATURES = 0x64,
	FFA_RX_RELEASE = 0x65,
	FFA_RXTX_MAP = 0x66,
	FFA_RXTX_UNMAP = 0x67,
	FFA_PARTITION_INFO_GET = 0x68,
	FFA_ID_GET = 0x69,
	FFA_RUN = 0x6d,
	FFA_MSG_SEND_DIRECT_REQ = 0x6f,
	FFA_MSG_SEND_DIRECT_RESP = 0x70,
};

/* w1 of a direct request: sender in bits[31:16], receiver in bits[15:0]. */
#define PREP_SELF_ENDPOINT_ID(id)	(((u32)(id) << 16) & 0xffff0000u)
#define PREP_PART_ENDPOINT_ID(id)	((u32)(id) & 0x0000ffffu)

/* Positive indices of the FF-A error codes -1..-8. */
enum ffa_abi_errcode {
	NOT_SUPPORTED = 1,
	INVALID_PARAMETERS,
	NO_MEMORY,
	BUSY,
	INTERRUPTED,
	DENIED,
	RETRY,
	ABORTED,
	MAX_NUMBER_FFA_ERR
};

/* What the boot-time driver learnt and the runtime path keeps. */
struct ffa_priv_runtime {
	bool use_ffa_runtime;
	u32 fwk_version;
	u16 id;
};

/* The driver's private data; only the runtime part matters to the harness. */
struct ffa_priv {
	struct ffa_priv_runtime rt;
	struct udevice *emul;
};

#endif
