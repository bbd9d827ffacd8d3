/*
 * FfaConformance QEMU firmware: how a binding's glue reaches the
 * implementation's runtime entries, as an OS would: directly before
 * ExitBootServices, then with only runtime memory mapped (fw_call_runtime),
 * and after SetVirtualAddressMap with the runtime region relocated and mapped
 * only at its virtual address. The arguments live in the caller's message
 * page, which both maps keep.
 */
#include "firmware.h"
#include "harness.h"

extern char __efi_runtime_start[], __efi_runtime_end[];
extern char __fw_message_start[];

_Static_assert(HARNESS_RUNTIME_BUFFER <= 4096, "the runtime buffer is the message page firmware.ld reserves");

int harness_call_runtime(const void *entry, uint64_t a, uint64_t b, uint64_t c)
{
	if (fw_after_set_virtual_address_map)
		return fw_call_runtime((uint64_t)entry + FW_VIRTUAL_OFFSET, a, b, c, fw_virtual_ttbr, FW_MAP_VIRTUAL);
	if (fw_after_exit_boot_services)
		return fw_call_runtime((uint64_t)entry, a, b, c, fw_runtime_ttbr, FW_MAP_RUNTIME);
	return ((int (*)(uint64_t, uint64_t, uint64_t))entry)(a, b, c);
}

void *harness_runtime_buffer(void)
{
	return __fw_message_start;
}

uint64_t harness_virtual_address(uint64_t physical)
{
	if (physical >= (uint64_t)__efi_runtime_start && physical < (uint64_t)__efi_runtime_end)
		return physical + FW_VIRTUAL_OFFSET;
	return 0;
}
