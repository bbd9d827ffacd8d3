/*
 * FfaConformance native host: how the U-Boot binding's glue (core/harness.c)
 * reaches the runtime entries in a host process, where there is no runtime-only
 * map to switch to: directly.
 */
#include <arm_ffa_runtime.h>

#include "harness.h"

static struct ffa_send_direct_data message;
static struct harness_req2 req2;

int harness_call_runtime(uint16_t dst, struct ffa_send_direct_data *msg, int smc64)
{
	return ffa_sync_send_receive_runtime(dst, msg, smc64);
}

struct ffa_send_direct_data *harness_message(void)
{
	return &message;
}

int harness_call_runtime2(uint16_t dst, struct harness_req2 *args)
{
	return ffa_sync_send_receive2_runtime(dst, args->uuid, (struct ffa_send_direct_data2 *)args->message);
}

/* A process has no virtual map to switch to: the native host never plays SetVirtualAddressMap. */
uint64_t harness_virtual_address(uint64_t physical)
{
	(void)physical;
	return 0;
}

struct harness_req2 *harness_req2(void)
{
	return &req2;
}
