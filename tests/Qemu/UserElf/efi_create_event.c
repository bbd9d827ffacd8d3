/*
 * FfaConformance self-tests: the one EFI boot service the transport's probe
 * path references. The qemu-elf adapter never runs the probe (it calls the
 * ExitBootServices notify itself), so this only has to link.
 */
#include <arm_ffa_runtime.h>

efi_status_t efi_create_event(u32 type, efi_uintn_t notify_tpl,
			      void (EFIAPI *notify_function)(struct efi_event *event, void *context),
			      void *context, const efi_guid_t *group, struct efi_event **event)
{
	(void)type;
	(void)notify_tpl;
	(void)notify_function;
	(void)context;
	(void)group;
	(void)event;
	return EFI_UNSUPPORTED;
}
