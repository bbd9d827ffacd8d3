/*
 * FfaConformance native host, transport side: what a C FF-A runtime transport
 * expects from U-Boot. The conduit crosses to the harness's managed secure
 * world; the EFI event service keeps the notify function and context so that
 * ExitBootServices can fire it (with the context, or with NULL); the runtime
 * memset and logging are plain.
 *
 * Resident state: the transport's writable sections are renamed to
 * ffa_state/ffa_state_bss when it is built, snapshot at start-up and restored
 * before every case, so each case starts as from a fresh boot.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <arm_ffa_runtime.h>

#include "host.h"

extern char __start_ffa_state[] __attribute__((weak));
extern char __stop_ffa_state[] __attribute__((weak));
extern char __start_ffa_state_bss[] __attribute__((weak));
extern char __stop_ffa_state_bss[] __attribute__((weak));

/* The boot-time entry is optional in a transport under test. */
int ffa_invoke_msg_send_direct_req(u16 endpoint_id, u16 dst_part_id,
				   struct ffa_send_direct_data *msg, bool is_smc64) __attribute__((weak));

/* EFI_EVENT_GROUP_EXIT_BOOT_SERVICES, 27abf055-b1b8-4c26-8048-748f37baa2df. */
const efi_guid_t efi_guid_event_group_exit_boot_services = {
	{ 0x55, 0xf0, 0xab, 0x27, 0xb8, 0xb1, 0x26, 0x4c, 0x80, 0x48, 0x74, 0x8f, 0x37, 0xba, 0xa2, 0xdf }
};

static sigjmp_buf step;
static int in_step;
static char *snapshot;
static size_t snapshot_size;
static struct ffa_priv priv;
static void (*notify)(struct efi_event *event, void *context);
static void *notify_context;
static int event_registered;

void invoke_ffa_fn_runtime(ffa_value_t *args, ffa_value_t *res)
{
	struct ffa_host_record reply;

	host_send(FFA_HOST_CALL, 0, &args->a0);
	host_receive(&reply);
	if (reply.type == FFA_HOST_STOP && in_step)
		siglongjmp(step, 1);
	memcpy(&res->a0, reply.x, sizeof(reply.x));
}

efi_status_t efi_create_event(u32 type, efi_uintn_t notify_tpl,
			      void (EFIAPI *notify_function)(struct efi_event *event, void *context),
			      void *notify_context_in, const efi_guid_t *group,
			      struct efi_event **event)
{
	(void)notify_tpl;
	(void)group;
	if (type != EVT_SIGNAL_EXIT_BOOT_SERVICES || !notify_function)
		return 2;	/* EFI_INVALID_PARAMETER */
	notify = notify_function;
	notify_context = notify_context_in;
	event_registered = 1;
	if (event)
		*event = (struct efi_event *)&event_registered;
	return EFI_SUCCESS;
}

__attribute__((weak)) void efi_memset_runtime(void *dest, int c, size_t n)
{
	memset(dest, c, n);
}

void ffa_shim_log(const char *format, ...)
{
	(void)format;
}

void glue_start(void)
{
	size_t data = (size_t)(__stop_ffa_state - __start_ffa_state);
	size_t bss = (size_t)(__stop_ffa_state_bss - __start_ffa_state_bss);

	snapshot_size = data + bss;
	snapshot = malloc(snapshot_size ? snapshot_size : 1);
	if (!snapshot)
		abort();
	if (data)
		memcpy(snapshot, __start_ffa_state, data);
	if (bss)
		memcpy(snapshot + data, __start_ffa_state_bss, bss);
}

uint32_t glue_capabilities(void)
{
	return ffa_invoke_msg_send_direct_req ? FFA_HOST_HAS_BOOT_ENTRY : 0;
}

static void restore_snapshot(void)
{
	size_t data = (size_t)(__stop_ffa_state - __start_ffa_state);

	if (data)
		memcpy(__start_ffa_state, snapshot, data);
	if (snapshot_size > data)
		memcpy(__start_ffa_state_bss, snapshot + data, snapshot_size - data);
}

/*
 * A fresh boot: resident state as built, the boot-time driver's data (the
 * endpoint ID FFA_ID_GET reported and the negotiated version), and the probe's
 * registration of the ExitBootServices event.
 */
void glue_begin(const struct ffa_host_record *command)
{
	restore_snapshot();
	memset(&priv, 0, sizeof(priv));
	priv.rt.id = (u16)command->x[0];
	priv.rt.fwk_version = (u32)command->x[1];
	notify = NULL;
	notify_context = NULL;
	event_registered = 0;
	if (ffa_setup_efi_exit_boot_services_event(&priv) != 0 || !event_registered) {
		host_send(FFA_HOST_FAILED, FFA_HOST_FAILED_NO_EVENT, NULL);
		return;
	}
	host_send(FFA_HOST_DONE, 0, NULL);
}

void glue_send(const struct ffa_host_record *command)
{
	struct ffa_send_direct_data message = {
		command->x[1], command->x[2], command->x[3], command->x[4], command->x[5]
	};
	struct ffa_send_direct_data *msg = (command->arg & FFA_HOST_SEND_NULL_MESSAGE) ? NULL : &message;
	bool smc64 = command->arg & FFA_HOST_SEND_SMC64;
	uint64_t out[18] = { 0 };
	int result;

	if (!(command->arg & FFA_HOST_SEND_RUNTIME) && !ffa_invoke_msg_send_direct_req) {
		host_send(FFA_HOST_FAILED, FFA_HOST_FAILED_NO_BOOT_ENTRY, NULL);
		return;
	}
	if (sigsetjmp(step, 0)) {
		in_step = 0;
		host_send(FFA_HOST_STOPPED, 0, NULL);
		return;
	}
	in_step = 1;
	if (command->arg & FFA_HOST_SEND_RUNTIME)
		result = ffa_sync_send_receive_runtime((u16)command->x[0], msg, smc64);
	else
		result = ffa_invoke_msg_send_direct_req(priv.rt.id, (u16)command->x[0], msg, smc64);
	in_step = 0;
	out[0] = message.data0;
	out[1] = message.data1;
	out[2] = message.data2;
	out[3] = message.data3;
	out[4] = message.data4;
	out[5] = msg == NULL;
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
	notify((struct efi_event *)&event_registered, command->arg ? notify_context : NULL);
	in_step = 0;
	host_send(FFA_HOST_DONE, 0, NULL);
}
