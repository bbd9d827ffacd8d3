/*
 * FfaConformance bench: the transport called in a plain C loop against a C
 * stub secure world, with no harness, to measure what the harness costs.
 * One case: probe (register the ExitBootServices event), fire the event, one
 * runtime request answered at once by a matching DIRECT_RESP. The U-Boot
 * services (bindings/uboot/services.c) are the ones the harness links, so the
 * difference between the two is the harness alone.
 * Prints: "<cases> cases <nanoseconds> ns".
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arm_ffa_runtime.h>

static void (*notify)(struct efi_event *event, void *context);
static void *notify_context;

efi_status_t efi_create_event(u32 type, efi_uintn_t notify_tpl,
			      void (EFIAPI *notify_function)(struct efi_event *event, void *context),
			      void *context, const efi_guid_t *group, struct efi_event **event)
{
	(void)type;
	(void)notify_tpl;
	(void)group;
	(void)event;
	notify = notify_function;
	notify_context = context;
	return EFI_SUCCESS;
}

/* The stub secure world: every request is answered by its matching response. */
void invoke_ffa_fn_runtime(ffa_value_t *args, ffa_value_t *res)
{
	memset(res, 0, sizeof(*res));
	res->a0 = args->a0 + 1;	/* DIRECT_REQ 0x..6f -> DIRECT_RESP 0x..70 */
	res->a1 = ((args->a1 & 0xffff) << 16) | ((args->a1 >> 16) & 0xffff);
	res->a3 = 1;
}

int main(int argc, char **argv)
{
	long cases = argc > 1 ? atol(argv[1]) : 1000000;
	struct ffa_priv priv = { .rt = { .id = 1, .fwk_version = 0x10002 } };
	struct ffa_send_direct_data msg;
	struct timespec start, end;
	long i, failures = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < cases; i++) {
		ffa_setup_efi_exit_boot_services_event(&priv);
		notify(NULL, notify_context);
		memset(&msg, 0, sizeof(msg));
		failures += ffa_sync_send_receive_runtime(0x8001, &msg, false) != 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("%ld cases %lld ns %ld failures\n", cases,
	       (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec), failures);
	return failures != 0;
}
