// SPDX-License-Identifier: GPL-2.0
/*
 * FfaConformance companion module, written for this project and licensed
 * GPL-2.0 (a module that binds to the kernel's FF-A bus must be).
 *
 * It binds to every partition whose UUID it is given (uuids=, 32 hex digits
 * each, comma-separated), tells the harness where its mailbox is, and runs the
 * harness's cases in a kernel thread: each send step goes through the FF-A
 * driver's own API (ffa_msg_ops: sync_send_receive in the driver's default or
 * in 32-bit mode, sync_send_receive2), so every conduit call in between is the
 * driver's. See ffa_conformance.h for the protocol.
 *
 * The build says which sync_send_receive2 the driver's API has:
 * CONF_API_NO_REQ2 (none), CONF_API_REQ2_UUID (it takes the service UUID, as
 * in 6.12), neither (it takes the UUID from the device).
 */
#include <linux/arm-smccc.h>
#include <linux/arm_ffa.h>
#include <linux/kdebug.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/panic_notifier.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "ffa_conformance.h"

#define CONF_MAX_PARTITIONS	8

static char *uuids;
module_param(uuids, charp, 0444);
MODULE_PARM_DESC(uuids, "the partitions to bind to: UUIDs as 32 hex digits, comma-separated");

static struct conf_mailbox *mailbox;
static struct ffa_device *devices[CONF_MAX_PARTITIONS];
static struct ffa_device_id ids[CONF_MAX_PARTITIONS + 1];
static struct task_struct *runner;

/* The harness's breakpoint: it stops here between cases. Never inlined, never empty. */
static noinline void conf_wait(struct conf_mailbox *box)
{
	asm volatile("" : : "r"(box) : "memory");
}

static void conf_call(unsigned long function, unsigned long a1, unsigned long a2, unsigned long a3)
{
	struct arm_smccc_1_2_regs args = { .a0 = function, .a1 = a1, .a2 = a2, .a3 = a3 };
	struct arm_smccc_1_2_regs res;

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

static void conf_step(const struct conf_step *step, struct conf_result *result)
{
	struct ffa_device *dev = conf_device(step->dst);
	const struct ffa_msg_ops *ops;
	int i;

	memset(result, 0, sizeof(*result));
	/* Any other step (ExitBootServices) has no meaning for a driver that is always open: it completes. */
	if (step->kind != CONF_SEND && step->kind != CONF_SEND2)
		return;
	if (!dev) {
		result->status = CONF_NO_DEVICE;
		return;
	}

	ops = dev->ops->msg_ops;
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
	}
	result->status = CONF_OK;
}

static int conf_run(void *unused)
{
	u32 i, steps;

	while (!kthread_should_stop()) {
		conf_wait(mailbox);
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
	}
	return 0;
}

static int conf_report(const char *what, const char *text, unsigned long pc)
{
	if (mailbox && !mailbox->fault) {
		mailbox->fault = 1;
		snprintf(mailbox->fault_text, CONF_FAULT_TEXT, "%s: %s (%pS)", what, text ? text : "", (void *)pc);
		conf_call(CONF_FAULT, 0, 0, 0);
	}
	return NOTIFY_DONE;
}

static int conf_die(struct notifier_block *nb, unsigned long event, void *data)
{
	struct die_args *args = data;

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
	.id_table = ids,
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
		import_uuid(&ids[n++].uuid, bytes);
	}
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
	register_die_notifier(&conf_die_nb);
	atomic_notifier_chain_register(&panic_notifier_list, &conf_panic_nb);
	ret = ffa_register(&conf_driver);
	if (ret) {
		pr_err("ffa_conformance: registering with the FF-A bus failed: %d\n", ret);
		goto notifiers;
	}
	conf_call(CONF_HELLO, virt_to_phys(mailbox), (unsigned long)conf_wait, mailbox->devices);
	runner = kthread_run(conf_run, NULL, "ffa_conformance");
	if (IS_ERR(runner)) {
		ret = PTR_ERR(runner);
		goto driver;
	}
	return 0;

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
	kthread_stop(runner);
	ffa_unregister(&conf_driver);
	atomic_notifier_chain_unregister(&panic_notifier_list, &conf_panic_nb);
	unregister_die_notifier(&conf_die_nb);
	kfree(mailbox);
}

module_init(conf_init);
module_exit(conf_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("FfaConformance companion: runs the harness's cases through the FF-A driver's API");
