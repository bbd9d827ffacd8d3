/*
 * FfaConformance native host, transport side: the harness core's platform for
 * a host process. The conduit crosses to the harness over the shared page; a
 * stop order abandons the step with a long jump out of the transport. The
 * transport's writable sections were renamed to ffa_state/ffa_state_bss when
 * it was built; those are its resident state.
 */
#include <setjmp.h>
#include <string.h>

#include <arm_ffa_runtime.h>

#include "harness.h"
#include "host.h"

extern char __start_ffa_state[] __attribute__((weak));
extern char __stop_ffa_state[] __attribute__((weak));
extern char __start_ffa_state_bss[] __attribute__((weak));
extern char __stop_ffa_state_bss[] __attribute__((weak));

const struct harness_range harness_state[] = {
	{ __start_ffa_state, __stop_ffa_state },
	{ __start_ffa_state_bss, __stop_ffa_state_bss },
	{ 0, 0 },
};

static sigjmp_buf step;
static int in_step;
static struct ffa_send_direct_data message;
static struct harness_req2 req2;

void invoke_ffa_fn_runtime(ffa_value_t *args, ffa_value_t *res)
{
	struct ffa_host_record reply;

	host_send(FFA_HOST_CALL, 0, &args->a0);
	host_receive(&reply);
	if (reply.type == FFA_HOST_STOP && in_step)
		siglongjmp(step, 1);
	memcpy(&res->a0, reply.x, sizeof(reply.x));
}

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

void glue_start(void)
{
	harness_start();
}

uint32_t glue_capabilities(void)
{
	return harness_capabilities();
}

void glue_begin(const struct ffa_host_record *command)
{
	if (harness_begin((u16)command->x[0], (u32)command->x[1]) != HARNESS_OK)
		host_send(FFA_HOST_FAILED, HARNESS_NO_EVENT, NULL);
	else
		host_send(FFA_HOST_DONE, 0, NULL);
}

void glue_send(const struct ffa_host_record *command)
{
	uint64_t out[18] = { 0 };
	int32_t result = 0;

	if (sigsetjmp(step, 0)) {
		in_step = 0;
		host_send(FFA_HOST_STOPPED, 0, NULL);
		return;
	}
	in_step = 1;
	if (harness_send(command->arg, (u16)command->x[0], &command->x[1], &result, out) != HARNESS_OK) {
		in_step = 0;
		host_send(FFA_HOST_FAILED, HARNESS_NO_BOOT_ENTRY, NULL);
		return;
	}
	in_step = 0;
	out[5] = (command->arg & HARNESS_SEND_NULL_MESSAGE) != 0;
	host_send(FFA_HOST_RETURNED, (uint32_t)result, out);
}

void glue_send2(const struct ffa_host_record *command)
{
	uint64_t out[18] = { 0 };
	int32_t result = 0;
	int status;

	if (sigsetjmp(step, 0)) {
		in_step = 0;
		host_send(FFA_HOST_STOPPED, 0, NULL);
		return;
	}
	in_step = 1;
	status = harness_send2((u16)command->x[0], &command->x[1], &command->x[3], &result, out);
	in_step = 0;
	if (status != HARNESS_OK)
		host_send(FFA_HOST_FAILED, (uint32_t)status, NULL);
	else
		host_send(FFA_HOST_RETURNED, (uint32_t)result, out);
}

void glue_exit_boot_services(const struct ffa_host_record *command)
{
	if (sigsetjmp(step, 0)) {
		in_step = 0;
		host_send(FFA_HOST_STOPPED, 0, NULL);
		return;
	}
	in_step = 1;
	harness_exit_boot_services((int)command->arg);
	in_step = 0;
	host_send(FFA_HOST_DONE, 0, NULL);
}
