/* Exits the whole process with status 0 on every send. */
#include <stdlib.h>

#include "hostile.h"

int ffa_sync_send_receive_runtime(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64)
{
	(void)dst;
	(void)msg;
	(void)is_smc64;
	exit(0);
}
