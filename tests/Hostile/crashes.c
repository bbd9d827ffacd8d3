/* Crashes (SIGSEGV) on every send. */
#include "hostile.h"

int ffa_sync_send_receive_runtime(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64)
{
	(void)dst;
	(void)msg;
	(void)is_smc64;
	*(volatile int *)0 = 1;
	return 0;
}
