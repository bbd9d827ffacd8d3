/*
 * FfaConformance harness core: the transport's resident state, saved once at
 * start and put back at every fresh boot, for every binding alike.
 */
#include "harness.h"

#define SNAPSHOT_BYTES 65536

static char snapshot[SNAPSHOT_BYTES];
static int too_large;

static void copy(char *to, const char *from, unsigned long n)
{
	while (n--)
		*to++ = *from++;
}

void harness_start(void)
{
	const struct harness_range *range;
	char *to = snapshot;
	unsigned long total = 0;

	for (range = harness_state; range->start; range++)
		total += (unsigned long)(range->end - range->start);
	if (total > SNAPSHOT_BYTES) {
		too_large = 1;
		return;
	}
	for (range = harness_state; range->start; range++) {
		copy(to, range->start, (unsigned long)(range->end - range->start));
		to += range->end - range->start;
	}
}

int harness_state_too_large(void)
{
	return too_large;
}

void harness_restore(void)
{
	const struct harness_range *range;
	const char *from = snapshot;

	for (range = harness_state; range->start; range++) {
		copy(range->start, from, (unsigned long)(range->end - range->start));
		from += range->end - range->start;
	}
}
