/*
 * FfaConformance QEMU firmware: the harness core's platform in an image. The
 * harness stops at fw_wait, reads the result of the last command from
 * fw_mailbox, writes the next one and continues. After ExitBootServices the
 * runtime entry runs with only runtime memory mapped (fw_call_runtime).
 */
#include <arm_ffa_runtime.h>

#include "firmware.h"
#include "harness.h"

extern char __efi_runtime_data_start[], __efi_runtime_data_end[];
extern char __transport_data_start[], __transport_data_end[];
extern char __transport_bss_start[], __transport_bss_end[];
extern char __bss_start[], __bss_end[];
extern char __fw_message_start[];

const struct harness_range harness_state[] = {
	{ __efi_runtime_data_start, __efi_runtime_data_end },
	{ __transport_data_start, __transport_data_end },
	{ __transport_bss_start, __transport_bss_end },
	{ 0, 0 },
};

struct fw_mailbox fw_mailbox;
struct fw_fault fw_fault_record;
volatile uint64_t fw_runtime_active;
static int after_exit_boot_services;

/* The harness's breakpoint: the command in fw_mailbox is ready when it returns. */
__attribute__((noinline, used)) void fw_wait(void)
{
	__asm__ volatile("" ::: "memory");
}

void *memset(void *dest, int c, unsigned long n);
void *memcpy(void *dest, const void *src, unsigned long n);

/* Not runtime-resident, as in U-Boot: runtime code that calls them is caught. */
void *memset(void *dest, int c, unsigned long n)
{
	volatile char *d = dest;

	while (n--)
		*d++ = (char)c;
	return dest;
}

void *memcpy(void *dest, const void *src, unsigned long n)
{
	volatile char *d = dest;
	const volatile char *s = src;

	while (n--)
		*d++ = *s++;
	return dest;
}

int harness_call_runtime(uint16_t dst, struct ffa_send_direct_data *msg, int smc64)
{
	return after_exit_boot_services ? fw_call_runtime(dst, msg, smc64) : ffa_sync_send_receive_runtime(dst, msg, smc64);
}

struct ffa_send_direct_data *harness_message(void)
{
	return (struct ffa_send_direct_data *)__fw_message_start;
}

void fw_first_boot(void)
{
	memset(__bss_start, 0, (unsigned long)(__bss_end - __bss_start));
	memset(__transport_bss_start, 0, (unsigned long)(__transport_bss_end - __transport_bss_start));
	fw_mmu_init();
	harness_start();
	fw_mailbox.capabilities = harness_capabilities();
}

void fw_main(void)
{
	for (;;) {
		fw_wait();
		switch (fw_mailbox.command) {
		case FW_BEGIN:
			after_exit_boot_services = 0;
			fw_mailbox.status = harness_begin((uint16_t)fw_mailbox.x[0], (uint32_t)fw_mailbox.x[1]);
			break;
		case FW_SEND:
			fw_mailbox.status = harness_send(fw_mailbox.arg, (uint16_t)fw_mailbox.x[0], &fw_mailbox.x[1],
							 &fw_mailbox.result, fw_mailbox.message);
			break;
		case FW_EXIT_BOOT_SERVICES:
			harness_exit_boot_services((int)fw_mailbox.arg);
			after_exit_boot_services = 1;
			fw_mailbox.status = HARNESS_OK;
			break;
		default:
			break;
		}
	}
}
