/*
 * FfaConformance QEMU firmware: how the U-Boot binding's glue (core/harness.c)
 * reaches the runtime entries, as an OS would: directly before
 * ExitBootServices, then with only runtime memory mapped (fw_call_runtime),
 * and after SetVirtualAddressMap with the runtime region relocated and mapped
 * only at its virtual address.
 */
#include <arm_ffa_runtime.h>

#include "firmware.h"
#include "harness.h"

extern char __efi_runtime_start[], __efi_runtime_end[];
extern char __fw_message_start[];

static int call_runtime(uint64_t entry, uint64_t a, uint64_t b, uint64_t c)
{
	if (fw_after_set_virtual_address_map)
		return fw_call_runtime(entry + FW_VIRTUAL_OFFSET, a, b, c, fw_virtual_ttbr, FW_MAP_VIRTUAL);
	if (fw_after_exit_boot_services)
		return fw_call_runtime(entry, a, b, c, fw_runtime_ttbr, FW_MAP_RUNTIME);
	return ((int (*)(uint64_t, uint64_t, uint64_t))entry)(a, b, c);
}

int harness_call_runtime(uint16_t dst, struct ffa_send_direct_data *msg, int smc64)
{
	return call_runtime((uint64_t)ffa_sync_send_receive_runtime, dst, (uint64_t)msg, (uint64_t)smc64);
}

struct ffa_send_direct_data *harness_message(void)
{
	return (struct ffa_send_direct_data *)__fw_message_start;
}

int harness_call_runtime2(uint16_t dst, struct harness_req2 *req2)
{
	struct ffa_send_direct_data2 *msg = (struct ffa_send_direct_data2 *)req2->message;

	return call_runtime((uint64_t)ffa_sync_send_receive2_runtime, dst, (uint64_t)req2->uuid, (uint64_t)msg);
}

uint64_t harness_virtual_address(uint64_t physical)
{
	if (physical >= (uint64_t)__efi_runtime_start && physical < (uint64_t)__efi_runtime_end)
		return physical + FW_VIRTUAL_OFFSET;
	return 0;
}

/* In the caller's message page, after the direct request's message. */
struct harness_req2 *harness_req2(void)
{
	return (struct harness_req2 *)(__fw_message_start + 256);
}
