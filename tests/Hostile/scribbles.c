/*
 * On every send: writes 0xA5 over every page of the process mapped from
 * /dev/shm/ffa-* -- the page the harness shares with the host -- and then
 * returns as if nothing happened.
 */
#include <stdio.h>
#include <string.h>

#include "hostile.h"

int ffa_sync_send_receive_runtime(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64)
{
	char line[512];
	FILE *maps = fopen("/proc/self/maps", "r");

	(void)dst;
	(void)msg;
	(void)is_smc64;
	while (maps && fgets(line, sizeof(line), maps)) {
		unsigned long start, end;

		if (strstr(line, "/dev/shm/ffa-") && strstr(line, "rw") && sscanf(line, "%lx-%lx", &start, &end) == 2)
			memset((void *)start, 0xa5, end - start);
	}
	if (maps)
		fclose(maps);
	return 0;
}
