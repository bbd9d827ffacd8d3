/*
 * FfaConformance host shim: the FF-A client types a runtime transport uses:
 * the five-word direct message, the fourteen-word REQ2 message and the SMCCC
 * v1.2 register block x0-x17.
 */
#ifndef FFA_SHIM_ARM_FFA_H
#define FFA_SHIM_ARM_FFA_H

#include <linux/types.h>

struct udevice;

/* data0-data4 travel in x3-x7 of a direct request and its response. */
struct ffa_send_direct_data {
	ulong data0;
	ulong data1;
	ulong data2;
	ulong data3;
	ulong data4;
};

/* FF-A v1.2: the fourteen words of FFA_MSG_SEND_DIRECT_REQ2/RESP2 travel in x4-x17. */
struct ffa_send_direct_data2 {
	ulong data[14];
};

/* a0-a17 are x0-x17 of an SMCCC v1.2 call. */
struct arm_smccc_1_2_regs {
	ulong a0, a1, a2, a3, a4, a5, a6, a7, a8;
	ulong a9, a10, a11, a12, a13, a14, a15, a16, a17;
};

typedef struct arm_smccc_1_2_regs ffa_value_t;

#endif
