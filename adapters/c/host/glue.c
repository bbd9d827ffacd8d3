/*
 * FfaConformance native host, implementation side: the harness core's platform
 * for a host process, whatever the binding. The conduit crosses to the harness
 * over the shared page; a stop order abandons the step with a long jump out of
 * the implementation. The implementation's writable sections were renamed to
 * ffa_state/ffa_state_bss when it was built; those are its resident state.
 */
#include <setjmp.h>
#include <string.h>

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

void invoke_ffa_fn_runtime(const uint64_t *args, uint64_t *res)
{
	struct ffa_host_record reply;

	host_send(FFA_HOST_CALL, 0, args);
	host_receive(&reply);
	if (reply.type == FFA_HOST_STOP && in_step)
		siglongjmp(step, 1);
	memcpy(res, reply.x, sizeof(reply.x));
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
	if (harness_begin((uint16_t)command->x[0], (uint32_t)command->x[1]) != HARNESS_OK)
		host_send(FFA_HOST_FAILED, HARNESS_NO_EVENT, NULL);
	else
		host_send(FFA_HOST_DONE, 0, NULL);
}

void glue_send(const struct ffa_host_record *command)
{
	uint64_t out[18] = { 0 };
	int64_t result = 0;
	int status;

	if (sigsetjmp(step, 0)) {
		in_step = 0;
		host_send(FFA_HOST_STOPPED, 0, NULL);
		return;
	}
	in_step = 1;
	status = harness_send(command->arg, (uint16_t)command->x[0], &command->x[1], &result, out);
	in_step = 0;
	if (status != HARNESS_OK) {
		host_send(FFA_HOST_FAILED, (uint32_t)status, NULL);
		return;
	}
	out[5] = (command->arg & HARNESS_SEND_NULL_MESSAGE) != 0;
	out[FFA_HOST_RESULT_WORD] = (uint64_t)result;
	host_send(FFA_HOST_RETURNED, 0, out);
}

void glue_send2(const struct ffa_host_record *command)
{
	uint64_t out[18] = { 0 };
	int64_t result = 0;
	int status;

	if (sigsetjmp(step, 0)) {
		in_step = 0;
		host_send(FFA_HOST_STOPPED, 0, NULL);
		return;
	}
	in_step = 1;
	status = harness_send2((uint16_t)command->x[0], &command->x[1], &command->x[3], &result, out);
	in_step = 0;
	out[FFA_HOST_RESULT_WORD] = (uint64_t)result;
	if (status != HARNESS_OK)
		host_send(FFA_HOST_FAILED, (uint32_t)status, NULL);
	else
		host_send(FFA_HOST_RETURNED, 0, out);
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
