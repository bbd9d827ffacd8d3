// SPDX-License-Identifier: GPL-2.0
/*
 * FfaConformance companion module, written for this project and licensed
 * GPL-2.0 (a module that binds to the kernel's FF-A bus must be).
 *
 * It binds to every partition whose UUID it is given (uuids=, 32 hex digits
 * each, comma-separated) and runs the harness's cases in a kernel thread: each
 * send step goes through the FF-A driver's own API (ffa_msg_ops:
 * sync_send_receive in the driver's default or in 32-bit mode,
 * sync_send_receive2), so every conduit call in between is the driver's.
 * Under QEMU (harness=gdb) it tells the harness where its mailbox is and waits
 * in a conduit call the harness answers, through the driver's conduit; on a board (harness=device) board.c
 * takes the cases from a device. See ffa_conformance.h for the protocol.
 *
 * The build says which sync_send_receive2 the driver's API has:
 * CONF_API_NO_REQ2 (none), CONF_API_REQ2_UUID (it takes the service UUID, as
 * in 6.12), neither (it takes the UUID from the device); and, for board.c,
 * CONF_API_REGISTER_UUID when a device is registered from a UUID and an ID
 * rather than from a partition's information (older kernels, e.g. 6.1).
 */
#include <linux/arm-smccc.h>
#include <linux/arm_ffa.h>
#include <linux/kdebug.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/panic_notifier.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "ffa_conformance.h"
#include "companion.h"

static char *uuids;
module_param(uuids, charp, 0444);
MODULE_PARM_DESC(uuids, "the partitions to bind to: UUIDs as 32 hex digits, comma-separated");

static char *harness = "gdb";
module_param(harness, charp, 0444);
MODULE_PARM_DESC(harness, "gdb: the harness traps the conduit (QEMU); device: a board, driven through /dev/ffa_conformance");

struct conf_mailbox *mailbox;
struct task_struct *runner;
struct ffa_device_id conf_ids[CONF_MAX_PARTITIONS + 1];
int conf_id_count;
static struct ffa_device *devices[CONF_MAX_PARTITIONS];
static bool board;

static void conf_call(unsigned long function, unsigned long a1, unsigned long a2)
{
	struct arm_smccc_1_2_regs args = { .a0 = function, .a1 = a1, .a2 = a2 };
	struct arm_smccc_1_2_regs res;

	/* The driver's own conduit, where the harness traps: hvc under QEMU's PSCI, smc under real firmware. */
	if (arm_smccc_1_1_get_conduit() == SMCCC_CONDUIT_SMC)
		arm_smccc_1_2_smc(&args, &res);
	else
		arm_smccc_1_2_hvc(&args, &res);
}

static struct ffa_device *conf_device(u64 dst)
{
	int i;

	for (i = 0; i < CONF_MAX_PARTITIONS; i++)
		if (devices[i] && devices[i]->vm_id == dst)
			return devices[i];
	return NULL;
}

static void conf_send(struct ffa_device *dev, const struct conf_step *step, struct conf_result *result)
{
	const struct ffa_msg_ops *ops = dev->ops->msg_ops;
	int i;

	if (step->kind == CONF_SEND2) {
#ifdef CONF_API_NO_REQ2
		result->status = CONF_NO_REQ2;
		return;
#else
		struct ffa_send_direct_data2 data;
		uuid_t uuid;

		for (i = 0; i < CONF_PAYLOAD; i++)
			data.data[i] = step->x[i];
		import_uuid(&uuid, step->uuid);
#ifdef CONF_API_REQ2_UUID
		result->ret = ops->sync_send_receive2(dev, &uuid, &data);
#else
		result->ret = ops->sync_send_receive2(dev, &data);
#endif
		for (i = 0; i < CONF_PAYLOAD; i++)
			result->x[i] = data.data[i];
#endif
	} else {
		struct ffa_send_direct_data data = {
			.data0 = step->x[0], .data1 = step->x[1], .data2 = step->x[2],
			.data3 = step->x[3], .data4 = step->x[4],
		};
		/* On a board the device may be another driver's: its mode is put back after the step. */
		bool mode_32bit = dev->mode_32bit;

		/* The driver's default for an AArch64 partition is 64-bit; mode_32bit_set is its only switch. */
		if (step->flags & CONF_SMC64)
			dev->mode_32bit = false;
		else
			ops->mode_32bit_set(dev);
		result->ret = ops->sync_send_receive(dev, &data);
		result->x[0] = data.data0;
		result->x[1] = data.data1;
		result->x[2] = data.data2;
		result->x[3] = data.data3;
		result->x[4] = data.data4;
		dev->mode_32bit = mode_32bit;
	}
	result->status = CONF_OK;
}

static void conf_step(const struct conf_step *step, struct conf_result *result)
{
	struct ffa_device *dev;

	memset(result, 0, sizeof(*result));
	/* Any other step (ExitBootServices) has no meaning for a driver that is always open: it completes. */
	if (step->kind != CONF_SEND && step->kind != CONF_SEND2)
		return;
	dev = conf_device(step->dst);
	if (dev) {
		conf_send(dev, step, result);
		return;
	}
	dev = board ? conf_board_device(step->dst) : NULL;
	if (!dev) {
		result->status = CONF_NO_DEVICE;
		return;
	}
	conf_send(dev, step, result);
	put_device(&dev->dev);
}

static int conf_run(void *unused)
{
	u32 i, steps;

	while (!kthread_should_stop()) {
		if (board) {
			if (!conf_board_next())
				continue;
		} else {
			/* The harness answers once it has written the next case. */
			conf_call(CONF_WAIT, 0, 0);
		}
		steps = min_t(u32, READ_ONCE(mailbox->steps), CONF_MAX_STEPS);
		WRITE_ONCE(mailbox->completed, 0);
		for (i = 0; i < steps; i++) {
			if (READ_ONCE(mailbox->abort)) {
				mailbox->result[i].status = CONF_ABORTED;
				continue;
			}
			WRITE_ONCE(mailbox->running, i);
			conf_step(&mailbox->step[i], &mailbox->result[i]);
			WRITE_ONCE(mailbox->completed, i + 1);
		}
		if (board)
			conf_board_done();
	}
	return 0;
}

static int conf_report(const char *what, const char *text, unsigned long pc)
{
	if (mailbox && !mailbox->fault) {
		mailbox->fault = 1;
		snprintf(mailbox->fault_text, CONF_FAULT_TEXT, "%s: %s (%pS)", what, text ? text : "", (void *)pc);
		if (board)
			conf_board_fault(mailbox->fault_text);
		else
			conf_call(CONF_FAULT, 0, 0);
	}
	return NOTIFY_DONE;
}

static int conf_die(struct notifier_block *nb, unsigned long event, void *data)
{
	struct die_args *args = data;

	/* On a board only the case's own thread is the harness's business. */
	if (board && current != runner)
		return NOTIFY_DONE;
	return event == DIE_OOPS ? conf_report("Oops", args->str, instruction_pointer(args->regs)) : NOTIFY_DONE;
}

static int conf_panic(struct notifier_block *nb, unsigned long event, void *data)
{
	return conf_report("Kernel panic", data, 0);
}

static struct notifier_block conf_die_nb = { .notifier_call = conf_die };
static struct notifier_block conf_panic_nb = { .notifier_call = conf_panic };

static int conf_probe(struct ffa_device *dev)
{
	int i;

	for (i = 0; i < CONF_MAX_PARTITIONS; i++) {
		if (!devices[i]) {
			devices[i] = dev;
			mailbox->devices++;
			return 0;
		}
	}
	return -ENOSPC;
}

static void conf_remove(struct ffa_device *dev)
{
}

static struct ffa_driver conf_driver = {
	.name = "ffa_conformance",
	.probe = conf_probe,
	.remove = conf_remove,
	.id_table = conf_ids,
};

static int conf_parse_uuids(void)
{
	char *list = uuids, *one;
	int n = 0, i;

	while (list && (one = strsep(&list, ",")) && n < CONF_MAX_PARTITIONS) {
		u8 bytes[16];

		if (strlen(one) != 32)
			return -EINVAL;
		for (i = 0; i < 16; i++) {
			int hi = hex_to_bin(one[2 * i]), lo = hex_to_bin(one[2 * i + 1]);

			if (hi < 0 || lo < 0)
				return -EINVAL;
			bytes[i] = (u8)(hi << 4 | lo);
		}
		import_uuid(&conf_ids[n++].uuid, bytes);
	}
	conf_id_count = n;
	return n > 0 ? 0 : -EINVAL;
}

static int __init conf_init(void)
{
	int ret;

	mailbox = kzalloc(sizeof(*mailbox), GFP_KERNEL);
	if (!mailbox)
		return -ENOMEM;
	ret = conf_parse_uuids();
	if (ret) {
		pr_err("ffa_conformance: uuids='%s' is not a list of 32-hex-digit UUIDs\n", uuids ? uuids : "");
		goto free;
	}
	if (strcmp(harness, "gdb") && strcmp(harness, "device")) {
		pr_err("ffa_conformance: harness='%s'; accepted: gdb, device\n", harness);
		ret = -EINVAL;
		goto free;
	}
	board = !strcmp(harness, "device");
	register_die_notifier(&conf_die_nb);
	atomic_notifier_chain_register(&panic_notifier_list, &conf_panic_nb);
	ret = ffa_register(&conf_driver);
	if (ret) {
		pr_err("ffa_conformance: registering with the FF-A bus failed: %d\n", ret);
		goto notifiers;
	}
	if (board) {
		ret = conf_board_init();
		if (ret)
			goto driver;
	} else {
		conf_call(CONF_HELLO, virt_to_phys(mailbox), mailbox->devices);
	}
	runner = kthread_run(conf_run, NULL, "ffa_conformance");
	if (IS_ERR(runner)) {
		ret = PTR_ERR(runner);
		goto board;
	}
	/* Held until exit: a thread that oopsed is gone, and kthread_stop() must still find it. */
	get_task_struct(runner);
	return 0;

board:
	if (board)
		conf_board_exit();
driver:
	ffa_unregister(&conf_driver);
notifiers:
	atomic_notifier_chain_unregister(&panic_notifier_list, &conf_panic_nb);
	unregister_die_notifier(&conf_die_nb);
free:
	kfree(mailbox);
	return ret;
}

static void __exit conf_exit(void)
{
	if (board)
		conf_board_stop();
	kthread_stop(runner);
	put_task_struct(runner);
	if (board)
		conf_board_exit();
	ffa_unregister(&conf_driver);
	atomic_notifier_chain_unregister(&panic_notifier_list, &conf_panic_nb);
	unregister_die_notifier(&conf_die_nb);
	kfree(mailbox);
}

module_init(conf_init);
module_exit(conf_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("FfaConformance companion: runs the harness's cases through the FF-A driver's API");
