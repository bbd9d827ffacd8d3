/*
 * FfaConformance host shim: the EFI loader pieces a runtime transport uses:
 * runtime section markers, the event call (ExitBootServices, virtual address
 * change), ConvertPointer and the runtime memset. The harness provides the
 * functions and fires the events.
 */
#ifndef FFA_SHIM_EFI_LOADER_H
#define FFA_SHIM_EFI_LOADER_H

#include <linux/types.h>

/* Runtime code and data stay resident after ExitBootServices. */
#define __efi_runtime		__attribute__((section(".text.efi_runtime")))
#define __efi_runtime_data	__attribute__((section(".data.efi_runtime")))
#define __efi_runtime_rodata	__attribute__((section(".rodata.efi_runtime")))

/* EFIAPI is the platform's C convention on arm64. */
#define EFIAPI

typedef size_t efi_uintn_t;
typedef unsigned long efi_status_t;

#define EFI_SUCCESS			0
#define EFI_INVALID_PARAMETER		(0x8000000000000000ul | 2)
#define EFI_UNSUPPORTED			(0x8000000000000000ul | 3)
#define EFI_NOT_FOUND			(0x8000000000000000ul | 14)

/* UEFI event types, task priority and ConvertPointer's disposition. */
#define EVT_NOTIFY_SIGNAL			0x00000200
#define EVT_SIGNAL_EXIT_BOOT_SERVICES		0x00000201
#define EVT_SIGNAL_VIRTUAL_ADDRESS_CHANGE	0x60000202
#define TPL_CALLBACK				8
#define EFI_OPTIONAL_PTR			0x1

typedef struct {
	u8 b[16];
} efi_guid_t;

struct efi_event;

extern const efi_guid_t efi_guid_event_group_exit_boot_services;
extern const efi_guid_t efi_guid_event_group_virtual_address_change;

efi_status_t efi_create_event(u32 type, efi_uintn_t notify_tpl,
			      void (EFIAPI *notify_function)(struct efi_event *event, void *context),
			      void *notify_context, const efi_guid_t *group,
			      struct efi_event **event);

/* During SetVirtualAddressMap (in a virtual address change notify): *address as the OS will see it. */
efi_status_t EFIAPI efi_convert_pointer(efi_uintn_t debug_disposition, void **address);

void efi_memset_runtime(void *dest, int c, size_t n);

#endif
