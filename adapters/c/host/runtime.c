/*
 * FfaConformance native host: how a binding's glue reaches the
 * implementation's runtime entries in a host process, where there is no
 * runtime-only map to switch to: directly, with the arguments in a buffer of
 * its own.
 */
#include "harness.h"

static uint64_t buffer[HARNESS_RUNTIME_BUFFER / sizeof(uint64_t)];

int harness_call_runtime(const void *entry, uint64_t a, uint64_t b, uint64_t c)
{
	return ((int (*)(uint64_t, uint64_t, uint64_t))entry)(a, b, c);
}

void *harness_runtime_buffer(void)
{
	return buffer;
}

/* A process has no virtual map to switch to: the native host never plays SetVirtualAddressMap. */
uint64_t harness_virtual_address(uint64_t physical)
{
	(void)physical;
	return 0;
}
