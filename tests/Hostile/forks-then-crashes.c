/*
 * On every send: starts a daemon -- a child in a session of its own, holding
 * the host's standard error open, running "sleep 31337.5" (the marker the
 * tests look for) -- and then crashes.
 */
#include <unistd.h>

#include "hostile.h"

int ffa_sync_send_receive_runtime(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64)
{
	(void)dst;
	(void)msg;
	(void)is_smc64;
	if (fork() == 0) {
		setsid();
		execl("/bin/sleep", "sleep", "31337.5", (char *)0);
		_exit(1);
	}
	*(volatile int *)0 = 1;
	return 0;
}
