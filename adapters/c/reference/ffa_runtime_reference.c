/*
 * FfaConformance reference runtime transport for FF-A direct messaging.
 *
 * The same API as U-Boot's runtime transport (ffa_setup_efi_exit_boot_services_event,
 * ffa_sync_send_receive_runtime, ffa_invoke_msg_send_direct_req), plus an
 * FF-A v1.2 FFA_MSG_SEND_DIRECT_REQ2 runtime entry (ffa_sync_send_receive2_runtime),
 * written to satisfy every MUST and SHOULD rule of the suite. Each rule it
 * honours is named where it is honoured.
 */
#include <arm_ffa_priv.h>
#include <arm_ffa_runtime.h>
#include <efi_loader.h>
#include <linux/errno.h>
#include <linux/types.h>

/* Not in U-Boot's enum ffa_abis. */
#define REF_FFA_YIELD			0x6c
#define REF_FFA_MSG_SEND_DIRECT_REQ2	0x8d
#define REF_FFA_MSG_SEND_DIRECT_RESP2	0x8e

/* FF-A versions: major in bits[30:16], minor in bits[15:0]. */
#define REF_FFA_VERSION_1_2		0x00010002u
#define REF_FFA_VERSION_1_3		0x00010003u

/* SMCCC NOT_SUPPORTED, as a 32-bit w0. */
#define REF_SMCCC_NOT_SUPPORTED		0xffffffffu

/* INV-INT-BOUND: give up after this many resumptions of one request. */
#define REF_MAX_RESUMPTIONS		32

enum ref_reply {
	REF_RESPONSE,		/* the response of the request's interface and width */
	REF_ERROR,		/* FFA_ERROR */
	REF_RESUME,		/* FFA_INTERRUPT or FFA_YIELD: issue FFA_RUN */
	REF_NOT_SUPPORTED,	/* SMCCC NOT_SUPPORTED: no FF-A here */
	REF_PROTOCOL_ERROR,	/* anything else */
};

/* Copied from the boot-time driver at ExitBootServices; use_ffa_runtime opens the runtime entry. */
static struct ffa_priv_runtime ref_resident __efi_runtime_data;

/* The FF-A version negotiated at boot, which decides which IDs exist (INV-INT-64-GATED). */
static u32 ref_version __efi_runtime_data;

/* INV-RT-ENABLE-VALID: without boot-time data there is no sender ID, so runtime stays closed. */
static void EFIAPI ref_exit_boot_services(struct efi_event *event, void *context)
{
	struct ffa_priv *priv = context;

	(void)event;
	if (!priv)
		return;
	ref_resident = priv->rt;
	ref_resident.use_ffa_runtime = true;
}

int ffa_setup_efi_exit_boot_services_event(struct ffa_priv *priv)
{
	struct efi_event *event;

	ref_version = priv->rt.fwk_version;
	if (efi_create_event(EVT_SIGNAL_EXIT_BOOT_SERVICES, TPL_CALLBACK, ref_exit_boot_services, priv,
			     &efi_guid_event_group_exit_boot_services, &event) != EFI_SUCCESS)
		return -EPERM;
	return 0;
}

/*
 * INV-ERRNO-TABLE, INV-ERRNO-V11-V12, INV-ERRNO-TOTAL. An explicit table in
 * runtime constants: a switch here lets the compiler emit its own lookup table
 * in plain .rodata, which is gone after ExitBootServices (INV-RT-RESIDENT
 * caught exactly that on the QEMU target).
 */
static const int ref_errno[] __efi_runtime_rodata = {
	0, -EOPNOTSUPP, -EINVAL, -ENOMEM, -EBUSY, -EINTR, -EACCES, -EAGAIN, -ECANCELED, -ENODATA, -EAGAIN,
};

int __efi_runtime ffa_to_std_errno(int ffa_errno)
{
	if (ffa_errno >= -10 && ffa_errno <= -1)
		return ref_errno[-ffa_errno];
	return -EINVAL;
}

/*
 * INV-RESP-W0-32: only w0 classifies a reply. INV-RESP-MATCH-WIDTH,
 * INV-REQ-ONLY-RESP, INV-REQ2-ONLY-RESP2: only the response the request
 * expects (DIRECT_RESP of its width, or DIRECT_RESP2) completes it.
 * INV-INT-64-GATED: the 64-bit FFA_ERROR/FFA_INTERRUPT/FFA_YIELD exist only
 * from v1.3.
 */
static enum ref_reply __efi_runtime ref_classify(u32 w0, u32 response, u32 version)
{
	bool v13 = version >= REF_FFA_VERSION_1_3;

	if (w0 == response)
		return REF_RESPONSE;
	if (w0 == FFA_SMC_32(FFA_ERROR) || (v13 && w0 == FFA_SMC_64(FFA_ERROR)))
		return REF_ERROR;
	if (w0 == FFA_SMC_32(FFA_INTERRUPT) || (v13 && w0 == FFA_SMC_64(FFA_INTERRUPT)))
		return REF_RESUME;
	/* INV-YIELD-RESUME: a yield is resumed like an interrupt. */
	if (w0 == FFA_SMC_32(REF_FFA_YIELD) || (v13 && w0 == FFA_SMC_64(REF_FFA_YIELD)))
		return REF_RESUME;
	if (w0 == REF_SMCCC_NOT_SUPPORTED)
		return REF_NOT_SUPPORTED;
	return REF_PROTOCOL_ERROR;
}

/*
 * INV-RESP-W1-ECHO: from the destination (or an endpoint resumed on the way) to us.
 * INV-RESP-W2-PARTITION: a partition message's response has w2 = 0.
 */
static bool __efi_runtime ref_response_matches(const ffa_value_t *res, u16 self, u16 dst, const u16 *resumed,
					       int count, bool smc64)
{
	u16 responder = (u16)(res->a1 >> 16);
	bool known = responder == dst;
	int i;

	for (i = 0; i < count && !known; i++)
		known = responder == resumed[i];
	return known && (u16)res->a1 == self && (smc64 ? res->a2 : (u32)res->a2) == 0;
}

/*
 * Issues the request in args and follows the secure world until it answers for
 * good: 0 with the expected response from the partition asked in res, or a
 * negative errno. INV-INT-RUN-FID, INV-INT-RUN-TARGET, INV-INT-NO-RESEND,
 * INV-REQ2-RESUME: an interrupt or a yield is resumed with FFA_RUN naming what
 * w1 names. INV-INT-BOUND: up to REF_MAX_RESUMPTIONS times.
 */
static int __efi_runtime ref_exchange(ffa_value_t *args, ffa_value_t *res, u32 response, u16 self, u16 dst, bool smc64)
{
	u16 resumed[REF_MAX_RESUMPTIONS];
	int resumptions = 0;

	invoke_ffa_fn_runtime(args, res);
	for (;;) {
		switch (ref_classify((u32)res->a0, response, ref_version)) {
		case REF_RESPONSE:
			return ref_response_matches(res, self, dst, resumed, resumptions, smc64) ? 0 : -EINVAL;
		case REF_ERROR:
			/* INV-ERR-W2-S32: the code is (int32)w2. */
			return ffa_to_std_errno((s32)res->a2);
		case REF_RESUME:
			if (resumptions == REF_MAX_RESUMPTIONS)
				return -ETIMEDOUT;
			resumed[resumptions++] = (u16)(res->a1 >> 16);
			efi_memset_runtime(args, 0, sizeof(*args));
			args->a0 = FFA_SMC_32(FFA_RUN);
			args->a1 = (u32)res->a1;
			invoke_ffa_fn_runtime(args, res);
			break;
		case REF_NOT_SUPPORTED:
			/* INV-SMCCC-UNKNOWN. */
			return -EOPNOTSUPP;
		default:
			/* INV-ERR-ONLY-FFA_ERROR: one errno, never decoded from the reply. */
			return -EINVAL;
		}
	}
}

int __efi_runtime ffa_invoke_msg_send_direct_req(u16 endpoint_id, u16 dst_part_id,
						 struct ffa_send_direct_data *msg, bool is_smc64)
{
	ffa_value_t args, res;
	ulong mask = is_smc64 ? ~0ul : 0xfffffffful;
	int status;

	/* INV-REQ-NULL-MSG, INV-REQ-SMC32-WIDTH: refuse what cannot be sent as given. */
	if (!msg)
		return -EINVAL;
	if ((msg->data0 | msg->data1 | msg->data2 | msg->data3 | msg->data4) & ~mask)
		return -EINVAL;

	/* INV-REQ-FID, INV-REQ-W1-PACK, INV-REQ-W2-ZERO, INV-REQ-PAYLOAD-*, INV-REQ-HIGH-REGS-ZERO. */
	efi_memset_runtime(&args, 0, sizeof(args));
	args.a0 = is_smc64 ? FFA_SMC_64(FFA_MSG_SEND_DIRECT_REQ) : FFA_SMC_32(FFA_MSG_SEND_DIRECT_REQ);
	args.a1 = PREP_SELF_ENDPOINT_ID(endpoint_id) | PREP_PART_ENDPOINT_ID(dst_part_id);
	args.a3 = msg->data0;
	args.a4 = msg->data1;
	args.a5 = msg->data2;
	args.a6 = msg->data3;
	args.a7 = msg->data4;
	status = ref_exchange(&args, &res,
			      is_smc64 ? FFA_SMC_64(FFA_MSG_SEND_DIRECT_RESP) : FFA_SMC_32(FFA_MSG_SEND_DIRECT_RESP),
			      endpoint_id, dst_part_id, is_smc64);
	if (status)
		return status;

	/* INV-RESP-PAYLOAD, INV-RESP-SMC32-MASK: SMC32 results are w3-w7. */
	msg->data0 = res.a3 & mask;
	msg->data1 = res.a4 & mask;
	msg->data2 = res.a5 & mask;
	msg->data3 = res.a6 & mask;
	msg->data4 = res.a7 & mask;
	return 0;
}

/* x2/x3 of a REQ2: the UUID's bytes 0-7 and 8-15 as little-endian words. */
static u64 __efi_runtime ref_uuid_word(const u8 *bytes)
{
	u64 word = 0;
	int i;

	for (i = 7; i >= 0; i--)
		word = (word << 8) | bytes[i];
	return word;
}

int __efi_runtime ffa_sync_send_receive2_runtime(u16 dst_part_id, const u8 *uuid, struct ffa_send_direct_data2 *msg)
{
	ffa_value_t args, res;
	const ulong *data;
	int status;

	if (!ref_resident.use_ffa_runtime)
		return -EPERM;
	/* INV-REQ2-GATED: REQ2 exists from v1.2. */
	if (ref_version < REF_FFA_VERSION_1_2)
		return -EOPNOTSUPP;
	if (!msg || !uuid)
		return -EINVAL;

	/* INV-REQ2-FID-IDS, INV-REQ2-UUID, INV-REQ2-PAYLOAD: SMC64 only, x4-x17 the message. */
	efi_memset_runtime(&args, 0, sizeof(args));
	args.a0 = FFA_SMC_64(REF_FFA_MSG_SEND_DIRECT_REQ2);
	args.a1 = PREP_SELF_ENDPOINT_ID(ref_resident.id) | PREP_PART_ENDPOINT_ID(dst_part_id);
	args.a2 = ref_uuid_word(uuid);
	args.a3 = ref_uuid_word(uuid + 8);
	data = msg->data;
	args.a4 = data[0];
	args.a5 = data[1];
	args.a6 = data[2];
	args.a7 = data[3];
	args.a8 = data[4];
	args.a9 = data[5];
	args.a10 = data[6];
	args.a11 = data[7];
	args.a12 = data[8];
	args.a13 = data[9];
	args.a14 = data[10];
	args.a15 = data[11];
	args.a16 = data[12];
	args.a17 = data[13];
	status = ref_exchange(&args, &res, FFA_SMC_64(REF_FFA_MSG_SEND_DIRECT_RESP2), ref_resident.id, dst_part_id, true);
	if (status)
		return status;

	/* INV-RESP2-PAYLOAD. */
	msg->data[0] = res.a4;
	msg->data[1] = res.a5;
	msg->data[2] = res.a6;
	msg->data[3] = res.a7;
	msg->data[4] = res.a8;
	msg->data[5] = res.a9;
	msg->data[6] = res.a10;
	msg->data[7] = res.a11;
	msg->data[8] = res.a12;
	msg->data[9] = res.a13;
	msg->data[10] = res.a14;
	msg->data[11] = res.a15;
	msg->data[12] = res.a16;
	msg->data[13] = res.a17;
	return 0;
}

/* INV-RT-GATE: closed until ExitBootServices delivered boot-time data. */
int __efi_runtime ffa_sync_send_receive_runtime(u16 dst_part_id, struct ffa_send_direct_data *msg, bool is_smc64)
{
	if (!ref_resident.use_ffa_runtime)
		return -EPERM;
	return ffa_invoke_msg_send_direct_req(ref_resident.id, dst_part_id, msg, is_smc64);
}
