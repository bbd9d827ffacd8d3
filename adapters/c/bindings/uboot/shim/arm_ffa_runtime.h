/*
 * FfaConformance host shim: the runtime transport API of U-Boot's patch
 * "arm-ffa: add FF-A bus runtime support" (include/arm_ffa_runtime.h there),
 * for a transport source that does not bring its own declaration of it.
 */
#ifndef FFA_SHIM_ARM_FFA_RUNTIME_H
#define FFA_SHIM_ARM_FFA_RUNTIME_H

#include <arm_ffa.h>
#include <arm_ffa_priv.h>
#include <efi_loader.h>
#include <linux/types.h>

#define __ffa_runtime_data	__efi_runtime_data
#define __ffa_runtime		__efi_runtime

/* The conduit: x0-x17 in, x0-x17 out. The harness provides it. */
void invoke_ffa_fn_runtime(ffa_value_t *args, ffa_value_t *res);

/* Boot time: register the ExitBootServices event that hands over priv->rt. */
int ffa_setup_efi_exit_boot_services_event(struct ffa_priv *priv);

/* Runtime entry, gated until ExitBootServices. */
int ffa_sync_send_receive_runtime(u16 dst_part_id, struct ffa_send_direct_data *msg, bool is_smc64);

/*
 * FF-A v1.2 FFA_MSG_SEND_DIRECT_REQ2 through the runtime path, gated like the
 * runtime entry. uuid: the service's 16 bytes in RFC 4122 order (a uuid_t).
 * Optional: the harness runs REQ2 cases only on a transport that has it.
 */
int ffa_sync_send_receive2_runtime(u16 dst_part_id, const u8 *uuid, struct ffa_send_direct_data2 *msg);

/* The shared core the boot-time driver calls with its endpoint ID. */
int ffa_invoke_msg_send_direct_req(u16 endpoint_id, u16 dst_part_id,
				   struct ffa_send_direct_data *msg, bool is_smc64);

int ffa_to_std_errno(int ffa_errno);

#endif
