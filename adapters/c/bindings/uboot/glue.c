/*
 * FfaConformance: the U-Boot binding's glue (binding.json beside it; the
 * harness's commands: core/harness.h). The EFI event service keeps the notify
 * functions and contexts the transport registers, so that ExitBootServices
 * can fire its notify with that context or with NULL, and
 * SetVirtualAddressMap its virtual address change notify, during which
 * ConvertPointer works. Runtime requests go through the platform's
 * harness_call_runtime, with their message in its runtime buffer.
 */
#include <arm_ffa_runtime.h>

#include "harness.h"

/* The boot-time and REQ2 entries are optional in a transport under test (binding.json: Optional). */
int ffa_invoke_msg_send_direct_req(u16 endpoint_id, u16 dst_part_id,
				   struct ffa_send_direct_data *msg, bool is_smc64) __attribute__((weak));
int ffa_sync_send_receive2_runtime(u16 dst_part_id, const u8 *uuid, struct ffa_send_direct_data2 *msg)
	__attribute__((weak));

/* A REQ2's arguments in the runtime buffer, after the direct request's message: the service UUID and x4-x17. */
struct req2 {
	u8 uuid[16];
	u64 message[HARNESS_REQ2_WORDS];
};

#define REQ2_OFFSET 256

_Static_assert(sizeof(struct ffa_send_direct_data) <= REQ2_OFFSET, "the message fits before the REQ2 arguments");
_Static_assert(REQ2_OFFSET + sizeof(struct req2) <= HARNESS_RUNTIME_BUFFER, "the REQ2 arguments fit the runtime buffer");
_Static_assert(sizeof(((struct req2 *)0)->message) == sizeof(struct ffa_send_direct_data2), "x4-x17 as the transport takes them");

static struct ffa_priv priv;
static void (*notify)(struct efi_event *event, void *context);
static void *notify_context;
static int event_registered;
static void (*address_change)(struct efi_event *event, void *context);
static void *address_change_context;
static int converting;

static void copy(char *to, const char *from, unsigned long n)
{
	while (n--)
		*to++ = *from++;
}

efi_status_t efi_create_event(u32 type, efi_uintn_t notify_tpl,
			      void (EFIAPI *notify_function)(struct efi_event *event, void *context),
			      void *context, const efi_guid_t *group, struct efi_event **event)
{
	(void)notify_tpl;
	if (notify_function && (type == EVT_SIGNAL_VIRTUAL_ADDRESS_CHANGE ||
				(type == EVT_NOTIFY_SIGNAL && group == &efi_guid_event_group_virtual_address_change))) {
		address_change = notify_function;
		address_change_context = context;
		if (event)
			*event = (struct efi_event *)&address_change;
		return EFI_SUCCESS;
	}
	if (type != EVT_SIGNAL_EXIT_BOOT_SERVICES || !notify_function)
		return EFI_INVALID_PARAMETER;
	notify = notify_function;
	notify_context = context;
	event_registered = 1;
	if (event)
		*event = (struct efi_event *)&event_registered;
	return EFI_SUCCESS;
}

uint32_t harness_capabilities(void)
{
	return HARNESS_HAS_LIFECYCLE | HARNESS_TAKES_WIDTH | (ffa_invoke_msg_send_direct_req ? HARNESS_HAS_BOOT_ENTRY : 0)
		| (ffa_sync_send_receive2_runtime ? HARNESS_HAS_REQ2 : 0)
		| (harness_state_too_large() ? HARNESS_STATE_TOO_LARGE : 0);
}

/*
 * A fresh boot: resident state as built, the boot-time driver's data (the
 * endpoint ID FFA_ID_GET reported and the negotiated version), and the probe's
 * registration of the ExitBootServices event.
 */
int harness_begin(uint16_t endpoint_id, uint32_t version)
{
	harness_restore();
	priv = (struct ffa_priv){ .rt = { .id = endpoint_id, .fwk_version = version } };
	notify = 0;
	notify_context = 0;
	event_registered = 0;
	address_change = 0;
	address_change_context = 0;
	if (ffa_setup_efi_exit_boot_services_event(&priv) != 0 || !event_registered)
		return HARNESS_NO_EVENT;
	return HARNESS_OK;
}

int harness_send(uint32_t flags, uint16_t dst, const uint64_t message[5], int64_t *result, uint64_t message_out[5])
{
	struct ffa_send_direct_data *msg = (flags & HARNESS_SEND_NULL_MESSAGE) ? 0 : harness_runtime_buffer();
	int smc64 = (flags & HARNESS_SEND_SMC64) != 0;

	if (msg)
		*msg = (struct ffa_send_direct_data){ message[0], message[1], message[2], message[3], message[4] };
	if (flags & HARNESS_SEND_RUNTIME)
		*result = harness_call_runtime(ffa_sync_send_receive_runtime, dst, (uint64_t)msg, (uint64_t)smc64);
	else if (ffa_invoke_msg_send_direct_req)
		*result = ffa_invoke_msg_send_direct_req(priv.rt.id, dst, msg, smc64);
	else
		return HARNESS_NO_BOOT_ENTRY;
	if (msg) {
		message_out[0] = msg->data0;
		message_out[1] = msg->data1;
		message_out[2] = msg->data2;
		message_out[3] = msg->data3;
		message_out[4] = msg->data4;
	}
	return HARNESS_OK;
}

int harness_send2(uint16_t dst, const uint64_t uuid[2], const uint64_t message[HARNESS_REQ2_WORDS], int64_t *result,
		  uint64_t message_out[HARNESS_REQ2_WORDS])
{
	struct req2 *req2 = (struct req2 *)((char *)harness_runtime_buffer() + REQ2_OFFSET);

	if (!ffa_sync_send_receive2_runtime)
		return HARNESS_NO_REQ2;
	copy((char *)req2->uuid, (const char *)uuid, sizeof(req2->uuid));
	copy((char *)req2->message, (const char *)message, sizeof(req2->message));
	*result = harness_call_runtime(ffa_sync_send_receive2_runtime, dst, (uint64_t)req2->uuid, (uint64_t)req2->message);
	copy((char *)message_out, (const char *)req2->message, sizeof(req2->message));
	return HARNESS_OK;
}

void harness_exit_boot_services(int with_context)
{
	notify((struct efi_event *)&event_registered, with_context ? notify_context : 0);
}

/* UEFI: valid only while SetVirtualAddressMap runs its notifies; a pointer outside the runtime region is not found. */
efi_status_t EFIAPI efi_convert_pointer(efi_uintn_t debug_disposition, void **address)
{
	uint64_t moved;

	if (!converting || !address)
		return EFI_INVALID_PARAMETER;
	if (!*address)
		return (debug_disposition & EFI_OPTIONAL_PTR) ? EFI_SUCCESS : EFI_INVALID_PARAMETER;
	moved = harness_virtual_address((uint64_t)*address);
	if (!moved)
		return EFI_NOT_FOUND;
	*address = (void *)moved;
	return EFI_SUCCESS;
}

void harness_set_virtual_address_map(void)
{
	converting = 1;
	if (address_change)
		address_change((struct efi_event *)&address_change, address_change_context);
	converting = 0;
}
