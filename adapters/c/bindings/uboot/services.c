/*
 * FfaConformance: the U-Boot binding's second glue file, what U-Boot itself
 * gives the transport outside the transport's own files, for every build of
 * it (native host, our firmware, the bench's bare loop, the ELF the
 * self-tests build): the ExitBootServices and virtual address
 * change event groups' GUIDs,
 * efi_memset_runtime (from the seed's series, patch 01) and logging, which
 * the harness does not print.
 */
#include <arm_ffa_runtime.h>

/* EFI_EVENT_GROUP_EXIT_BOOT_SERVICES, 27abf055-b1b8-4c26-8048-748f37baa2df. */
const efi_guid_t efi_guid_event_group_exit_boot_services = {
	{ 0x55, 0xf0, 0xab, 0x27, 0xb8, 0xb1, 0x26, 0x4c, 0x80, 0x48, 0x74, 0x8f, 0x37, 0xba, 0xa2, 0xdf }
};

/* EFI_EVENT_GROUP_VIRTUAL_ADDRESS_CHANGE, 13fa7698-c831-49c7-87ea-8f43fcc25196. */
const efi_guid_t efi_guid_event_group_virtual_address_change = {
	{ 0x98, 0x76, 0xfa, 0x13, 0x31, 0xc8, 0xc7, 0x49, 0x87, 0xea, 0x8f, 0x43, 0xfc, 0xc2, 0x51, 0x96 }
};

/* Runtime code may call it, so it is runtime-resident itself; weak, so a transport may bring its own. */
__attribute__((weak)) void __efi_runtime efi_memset_runtime(void *dest, int c, size_t n)
{
	volatile char *d = dest;

	while (n--)
		*d++ = (char)c;
}

void ffa_shim_log(const char *format, ...)
{
	(void)format;
}
