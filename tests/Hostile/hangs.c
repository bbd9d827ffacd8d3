/* Neither calls the conduit nor returns, on every send. */
#include "hostile.h"

int ffa_sync_send_receive_runtime(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64)
{
	(void)dst;
	(void)msg;
	(void)is_smc64;
	for (;;)
		;
}
