/*
 * FfaConformance: the edk2 binding's glue (binding.json beside it). It runs
 * the harness's commands through edk2's ArmFfaLib as its callers use it, and
 * gives the library what the rest of edk2 would: the conduit (ArmCallSmc), the
 * endpoint ID its constructor would have kept (ArmFfaLibGetPartId), and the
 * BaseLib, BaseMemoryLib, DebugLib, HobLib and SafeIntLib functions it links
 * against, each with edk2's own prototype from the tree's headers (EFIAPI is
 * the Microsoft calling convention on x86-64, as edk2's GCC builds define it).
 *
 * A request that ends in EFI_INTERRUPT_PENDING is resumed the way every caller
 * in the tree resumes it (ArmPkg/Drivers/MmCommunicationDxe/MmCommunication.c,
 * SendFfaMmCommunicate(); SecurityPkg/Library/Tpm2DeviceLibFfa/
 * Tpm2ServiceFfaRaw.c): ArmFfaLibRun(GET_SOURCE_PARTITION_ID(Header.x1), 0,
 * &Args) while it stays pending, without a bound, as they have none.
 */
#include <Uefi.h>
#include <Pi/PiMultiPhase.h>

#include <Library/ArmFfaLib.h>
#include <Library/ArmSmcLib.h>
#include <Library/BaseLib.h>
#include <Library/BaseMemoryLib.h>
#include <Library/DebugLib.h>
#include <Library/HobLib.h>
#include <Library/SafeIntLib.h>

#include <IndustryStandard/ArmFfaSvc.h>

#include <Guid/ArmFfaRxTxBufferInfo.h>

#include "harness.h"

/* The platform's conduit: x0-x17 in, x0-x17 out (core/harness.h). */
void invoke_ffa_fn_runtime(const uint64_t *args, uint64_t *res);

/* The endpoint ID FFA_ID_GET gave at boot, which the library's constructor would have kept. */
static UINT16 endpoint;
static DIRECT_MSG_ARGS message;

/* ArmSmcLib.h declares it without EFIAPI. */
VOID ArmCallSmc(IN OUT ARM_SMC_ARGS *Args)
{
	invoke_ffa_fn_runtime((const uint64_t *)Args, (uint64_t *)Args);
}

EFI_STATUS EFIAPI ArmFfaLibGetPartId(OUT UINT16 *PartId)
{
	if (PartId == NULL)
		return EFI_INVALID_PARAMETER;
	*PartId = endpoint;
	return EFI_SUCCESS;
}

/* Direct messaging never maps RX/TX buffers; the library asks only from partition discovery. */
EFI_STATUS EFIAPI ArmFfaLibGetRxTxBuffers(OUT VOID **TxBuffer OPTIONAL, OUT UINT64 *TxBufferSize OPTIONAL,
					  OUT VOID **RxBuffer OPTIONAL, OUT UINT64 *RxBufferSize OPTIONAL)
{
	(void)TxBuffer;
	(void)TxBufferSize;
	(void)RxBuffer;
	(void)RxBufferSize;
	return EFI_UNSUPPORTED;
}

VOID *EFIAPI ZeroMem(OUT VOID *Buffer, IN UINTN Length)
{
	volatile UINT8 *to = Buffer;

	while (Length--)
		*to++ = 0;
	return Buffer;
}

VOID *EFIAPI CopyMem(OUT VOID *DestinationBuffer, IN CONST VOID *SourceBuffer, IN UINTN Length)
{
	UINT8 *to = DestinationBuffer;
	const UINT8 *from = SourceBuffer;

	if (to < from) {
		while (Length--)
			*to++ = *from++;
	} else {
		while (Length--)
			to[Length] = from[Length];
	}
	return DestinationBuffer;
}

BOOLEAN EFIAPI CompareGuid(IN CONST GUID *Guid1, IN CONST GUID *Guid2)
{
	const UINT8 *a = (const UINT8 *)Guid1;
	const UINT8 *b = (const UINT8 *)Guid2;
	UINTN i;

	for (i = 0; i < sizeof(GUID); i++)
		if (a[i] != b[i])
			return FALSE;
	return TRUE;
}

/* RFC 4122 byte order from a UEFI GUID: the first three fields swapped, the rest as they are (BaseLib.h). */
VOID EFIAPI ConvertGuidToUuid(IN GUID *FromGuid, OUT GUID *ToUuid)
{
	GUID from = *FromGuid;
	UINT8 *to = (UINT8 *)ToUuid;
	UINTN i;

	to[0] = (UINT8)(from.Data1 >> 24);
	to[1] = (UINT8)(from.Data1 >> 16);
	to[2] = (UINT8)(from.Data1 >> 8);
	to[3] = (UINT8)from.Data1;
	to[4] = (UINT8)(from.Data2 >> 8);
	to[5] = (UINT8)from.Data2;
	to[6] = (UINT8)(from.Data3 >> 8);
	to[7] = (UINT8)from.Data3;
	for (i = 0; i < 8; i++)
		to[8 + i] = from.Data4[i];
}

/* Debug output is off, as in a release build. */
VOID EFIAPI DebugPrint(IN UINTN ErrorLevel, IN CONST CHAR8 *Format, ...)
{
	(void)ErrorLevel;
	(void)Format;
}

BOOLEAN EFIAPI DebugPrintEnabled(VOID)
{
	return FALSE;
}

BOOLEAN EFIAPI DebugPrintLevelEnabled(IN CONST UINTN ErrorLevel)
{
	(void)ErrorLevel;
	return FALSE;
}

/* No HOB list: the RX/TX buffer HOB is never found. */
VOID *EFIAPI GetFirstHob(IN UINT16 Type)
{
	(void)Type;
	return NULL;
}

VOID *EFIAPI GetNextHob(IN UINT16 Type, IN CONST VOID *HobStart)
{
	(void)Type;
	(void)HobStart;
	return NULL;
}

RETURN_STATUS EFIAPI SafeUint64Mult(IN UINT64 Multiplicand, IN UINT64 Multiplier, OUT UINT64 *Result)
{
	if (Multiplier != 0 && Multiplicand > MAX_UINT64 / Multiplier) {
		*Result = MAX_UINT64;
		return RETURN_BUFFER_TOO_SMALL;
	}
	*Result = Multiplicand * Multiplier;
	return RETURN_SUCCESS;
}

/* Its value is in MdeModulePkg.dec; only the RX/TX buffer HOB search reads it, and no HOB is ever found. */
EFI_GUID gArmFfaRxTxBufferInfoGuid;

uint32_t harness_capabilities(void)
{
	return HARNESS_HAS_REQ2 | (harness_state_too_large() ? HARNESS_STATE_TOO_LARGE : 0);
}

int harness_begin(uint16_t endpoint_id, uint32_t version)
{
	(void)version;
	harness_restore();
	endpoint = endpoint_id;
	return HARNESS_OK;
}

static EFI_STATUS resume(EFI_STATUS status, DIRECT_MSG_ARGS *args)
{
	while (status == EFI_INTERRUPT_PENDING && args != NULL)
		status = ArmFfaLibRun(GET_SOURCE_PARTITION_ID(args->Header.x1), 0x00, args);
	return status;
}

int harness_send(uint32_t flags, uint16_t dst, const uint64_t data[5], int64_t *result, uint64_t data_out[5])
{
	DIRECT_MSG_ARGS *args = (flags & HARNESS_SEND_NULL_MESSAGE) ? NULL : &message;
	UINTN i;

	if (!(flags & HARNESS_SEND_SMC64))
		return HARNESS_NO_SMC32;
	if (args != NULL) {
		ZeroMem(args, sizeof(*args));
		args->Arg0 = data[0];
		args->Arg1 = data[1];
		args->Arg2 = data[2];
		args->Arg3 = data[3];
		args->Arg4 = data[4];
	}
	*result = (int64_t)resume(ArmFfaLibMsgSendDirectReq(dst, 0, args), args);
	if (args != NULL) {
		UINTN *words = &args->Arg0;

		for (i = 0; i < 5; i++)
			data_out[i] = words[i];
	}
	return HARNESS_OK;
}

/* The service UUID as x2/x3 carry it, given as the EFI_GUID a caller would pass (the inverse of ConvertGuidToUuid). */
static void service_guid(const uint64_t uuid[2], EFI_GUID *guid)
{
	GUID swapped;

	CopyMem(&swapped, uuid, sizeof(swapped));
	ConvertGuidToUuid(&swapped, guid);
}

int harness_send2(uint16_t dst, const uint64_t uuid[2], const uint64_t data[HARNESS_REQ2_WORDS], int64_t *result,
		  uint64_t data_out[HARNESS_REQ2_WORDS])
{
	EFI_GUID guid;
	UINTN *words = &message.Arg0;
	UINTN i;

	service_guid(uuid, &guid);
	ZeroMem(&message, sizeof(message));
	for (i = 0; i < HARNESS_REQ2_WORDS; i++)
		words[i] = data[i];
	*result = (int64_t)resume(ArmFfaLibMsgSendDirectReq2(dst, &guid, &message), &message);
	for (i = 0; i < HARNESS_REQ2_WORDS; i++)
		data_out[i] = words[i];
	return HARNESS_OK;
}

/* edk2's library registers no ExitBootServices or virtual address change event: to it those steps are nothing. */
void harness_exit_boot_services(int with_context)
{
	(void)with_context;
}

void harness_set_virtual_address_map(void)
{
}
