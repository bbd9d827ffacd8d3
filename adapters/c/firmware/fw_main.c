/*
 * FfaConformance QEMU firmware: the harness core's platform in an image,
 * whatever the binding. The harness stops at fw_wait, reads the results of the
 * last case from fw_mailbox, writes the next case and continues. How a
 * binding's glue reaches a runtime entry after ExitBootServices and
 * SetVirtualAddressMap is in runtime.c.
 */
#include "firmware.h"
#include "harness.h"

extern char __efi_runtime_data_start[], __efi_runtime_data_end[];
extern char __transport_data_start[], __transport_data_end[];
extern char __transport_bss_start[], __transport_bss_end[];
extern char __bss_start[], __bss_end[];

const struct harness_range harness_state[] = {
	{ __efi_runtime_data_start, __efi_runtime_data_end },
	{ __transport_data_start, __transport_data_end },
	{ __transport_bss_start, __transport_bss_end },
	{ 0, 0 },
};

struct fw_mailbox fw_mailbox;
struct fw_fault fw_fault_record;
struct fw_virtual_map fw_virtual_map;
volatile uint64_t fw_active_map;
int fw_after_exit_boot_services;
int fw_after_set_virtual_address_map;
static int relocated;

/* Where the harness stops the firmware (its trap replaces the first instruction): the command in fw_mailbox is ready when it returns. */
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

/* Every absolute address in the runtime region as linked (a fresh boot) or as relocated (SetVirtualAddressMap). */
static void relocate(int to_virtual)
{
	uint64_t i;

	for (i = 0; i < fw_virtual_map.count && i < FW_MAX_RELOCATIONS; i++) {
		struct fw_relocation *r = &fw_virtual_map.relocation[i];

		*(volatile uint64_t *)r->address = to_virtual ? r->virt : r->linked;
	}
	relocated = to_virtual;
}

void fw_first_boot(void)
{
	memset(__bss_start, 0, (unsigned long)(__bss_end - __bss_start));
	memset(__transport_bss_start, 0, (unsigned long)(__transport_bss_end - __transport_bss_start));
	fw_mmu_init();
	harness_start();
	fw_mailbox.capabilities = harness_capabilities();
}

/* The step index trapped calls carry in x18. */
static void fw_set_step(uint64_t index)
{
	__asm__ volatile("mov x18, %0" :: "r"(index) : "memory");
}

static uint32_t fw_run_step(uint32_t index)
{
	struct fw_step *step = &fw_mailbox.step[index];
	struct fw_result *result = &fw_mailbox.result[index];

	fw_set_step(index);
	if (step->kind == FW_EXIT_BOOT_SERVICES) {
		harness_exit_boot_services((int)step->arg);
		fw_after_exit_boot_services = 1;
		return HARNESS_OK;
	}
	if (step->kind == FW_SET_VIRTUAL_ADDRESS_MAP) {
		/* The notifies first, in physical mode, where ConvertPointer is valid; then the relocation. */
		harness_set_virtual_address_map();
		relocate(1);
		fw_after_set_virtual_address_map = 1;
		return HARNESS_OK;
	}
	if (step->kind == FW_SEND2)
		return (uint32_t)harness_send2((uint16_t)step->x[0], &step->x[1], &step->x[3], &result->result, result->message);
	return (uint32_t)harness_send(step->arg, (uint16_t)step->x[0], &step->x[1], &result->result, result->message);
}

void fw_main(void)
{
	uint32_t i;

	for (;;) {
		fw_wait();
		fw_after_exit_boot_services = 0;
		fw_after_set_virtual_address_map = 0;
		if (relocated)
			relocate(0);
		fw_mailbox.completed = 0;
		fw_mailbox.begin_status = (uint32_t)harness_begin((uint16_t)fw_mailbox.endpoint_id, fw_mailbox.version);
		if (fw_mailbox.begin_status != HARNESS_OK)
			continue;
		for (i = 0; i < fw_mailbox.steps && i < FW_MAX_STEPS; i++) {
			fw_mailbox.result[i].status = fw_run_step(i);
			fw_mailbox.completed = i + 1;
			if (fw_mailbox.result[i].status != HARNESS_OK)
				break;
		}
	}
}
