/* Does not compile: the name below is declared nowhere. */
#include "hostile.h"

int ffa_sync_send_receive_runtime(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64)
{
	return undeclared_in_this_transport;
}
