/*
 * FfaConformance self-tests: prints every number the C side shares with the
 * C# side (adapters/Wire.cs), as the C compiler sees it, one NAME=value per
 * line, for tests/Native/WireContractTests.cs to compare.
 */
#include <stddef.h>
#include <stdio.h>

#include "ffa_conformance.h"
#include "firmware.h"
#include "harness.h"
#include "protocol.h"

#define SHOW(name) printf("%s=%lld\n", #name, (long long)(name))

int main(void)
{
	SHOW(HARNESS_SEND_SMC64);
	SHOW(HARNESS_SEND_RUNTIME);
	SHOW(HARNESS_SEND_NULL_MESSAGE);
	SHOW(HARNESS_HAS_BOOT_ENTRY);
	SHOW(HARNESS_HAS_REQ2);
	SHOW(HARNESS_STATE_TOO_LARGE);
	SHOW(HARNESS_OK);
	SHOW(HARNESS_NO_EVENT);
	SHOW(HARNESS_NO_BOOT_ENTRY);
	SHOW(HARNESS_NO_REQ2);
	SHOW(HARNESS_REQ2_WORDS);
	SHOW(FFA_HOST_BEGIN);
	SHOW(FFA_HOST_SEND);
	SHOW(FFA_HOST_EXIT_BOOT_SERVICES);
	SHOW(FFA_HOST_ANSWER);
	SHOW(FFA_HOST_STOP);
	SHOW(FFA_HOST_QUIT);
	SHOW(FFA_HOST_SEND2);
	SHOW(FFA_HOST_HELLO);
	SHOW(FFA_HOST_CALL);
	SHOW(FFA_HOST_RETURNED);
	SHOW(FFA_HOST_DONE);
	SHOW(FFA_HOST_STOPPED);
	SHOW(FFA_HOST_FAILED);
	SHOW(sizeof(struct ffa_host_record));
	SHOW(offsetof(struct ffa_host_mailbox, seq));
	SHOW(offsetof(struct ffa_host_mailbox, waiting));
	SHOW(offsetof(struct ffa_host_mailbox, record));
	SHOW(FFA_HOST_TO_HOST_OFFSET);
	SHOW(FFA_HOST_TO_HARNESS_OFFSET);
	SHOW(FFA_HOST_SHARED_SIZE);
	SHOW(FW_SEND);
	SHOW(FW_EXIT_BOOT_SERVICES);
	SHOW(FW_SEND2);
	SHOW(FW_MAX_STEPS);
	SHOW(sizeof(struct fw_step));
	SHOW(sizeof(struct fw_result));
	SHOW(offsetof(struct fw_mailbox, capabilities));
	SHOW(offsetof(struct fw_mailbox, begin_status));
	SHOW(offsetof(struct fw_mailbox, completed));
	SHOW(offsetof(struct fw_mailbox, result));
	SHOW(offsetof(struct fw_mailbox, step));
	SHOW(sizeof(struct fw_fault));
	SHOW(offsetof(struct fw_fault, map));
	SHOW(FW_SET_VIRTUAL_ADDRESS_MAP);
	SHOW(FW_MAP_BOOT);
	SHOW(FW_MAP_RUNTIME);
	SHOW(FW_MAP_VIRTUAL);
	SHOW(FW_VIRTUAL_OFFSET);
	SHOW(sizeof(struct fw_relocation));
	SHOW(FW_MAX_RELOCATIONS);
	SHOW(offsetof(struct fw_virtual_map, relocation));
	SHOW(CONF_HELLO);
	SHOW(CONF_FAULT);
	SHOW(CONF_SEND);
	SHOW(CONF_SEND2);
	SHOW(CONF_SMC64);
	SHOW(CONF_OK);
	SHOW(CONF_NO_DEVICE);
	SHOW(CONF_ABORTED);
	SHOW(CONF_NO_REQ2);
	SHOW(CONF_MAX_STEPS);
	SHOW(CONF_PAYLOAD);
	SHOW(CONF_FAULT_TEXT);
	SHOW(offsetof(struct conf_mailbox, running));
	SHOW(offsetof(struct conf_mailbox, completed));
	SHOW(offsetof(struct conf_mailbox, abort));
	SHOW(offsetof(struct conf_mailbox, devices));
	SHOW(offsetof(struct conf_mailbox, pad));
	SHOW(offsetof(struct conf_mailbox, fault_text));
	SHOW(offsetof(struct conf_mailbox, result));
	SHOW(sizeof(struct conf_result));
	SHOW(sizeof(struct conf_step));
	SHOW(offsetof(struct conf_step, uuid));
	SHOW(offsetof(struct conf_mailbox, step));
	SHOW(CONF_MSG_CASE);
	SHOW(CONF_MSG_ANSWER);
	SHOW(CONF_MSG_PING);
	SHOW(CONF_EV_HELLO);
	SHOW(CONF_EV_CALL);
	SHOW(CONF_EV_OBSERVED);
	SHOW(CONF_EV_DONE);
	SHOW(CONF_EV_FAULT);
	SHOW(CONF_EV_PING);
	SHOW(CONF_CASE_OBSERVE);
	SHOW(CONF_CONDUIT_SMC);
	SHOW(CONF_CONDUIT_HVC);
	SHOW(CONF_REGS);
	SHOW(CONF_MAX_PARTITIONS);
	SHOW(CONF_PARTITION_STAND_IN);
	SHOW(offsetof(struct conf_case, id));
	SHOW(offsetof(struct conf_case, step));
	SHOW(sizeof(struct conf_case));
	SHOW(offsetof(struct conf_answer, a));
	SHOW(sizeof(struct conf_answer));
	SHOW(offsetof(struct conf_event, id));
	SHOW(offsetof(struct conf_event, args));
	SHOW(offsetof(struct conf_event, res));
	SHOW(sizeof(struct conf_event));
	SHOW(offsetof(struct conf_hello, faulted));
	SHOW(offsetof(struct conf_hello, partition));
	SHOW(sizeof(struct conf_partition));
	SHOW(offsetof(struct conf_partition, uuid));
	SHOW(sizeof(struct conf_hello));
	SHOW(offsetof(struct conf_done, id));
	SHOW(offsetof(struct conf_done, result));
	SHOW(sizeof(struct conf_done));
	SHOW(offsetof(struct conf_fault, text));
	SHOW(sizeof(struct conf_fault));
	return 0;
}
