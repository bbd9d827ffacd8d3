/*
 * FfaConformance self-tests: what every hostile transport shares. Each one
 * registers its ExitBootServices event as a well-behaved transport would, and
 * misbehaves only in ffa_sync_send_receive_runtime(), so that every rule that
 * sends meets the misbehaviour.
 */
#include <arm_ffa_priv.h>
#include <arm_ffa_runtime.h>
#include <efi_loader.h>
#include <linux/errno.h>
#include <linux/types.h>

static void EFIAPI hostile_notify(struct efi_event *event, void *context)
{
	(void)event;
	(void)context;
}

int ffa_setup_efi_exit_boot_services_event(struct ffa_priv *priv)
{
	struct efi_event *event;

	return efi_create_event(EVT_SIGNAL_EXIT_BOOT_SERVICES, TPL_CALLBACK, hostile_notify, priv,
				&efi_guid_event_group_exit_boot_services, &event) == EFI_SUCCESS ? 0 : -EPERM;
}
