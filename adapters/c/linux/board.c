// SPDX-License-Identifier: GPL-2.0
/*
 * FfaConformance companion module, board mode: written for this project and
 * licensed GPL-2.0.
 *
 * On a board nothing outside the kernel can stop it at the conduit, so the
 * companion does what the harness's debugger does under QEMU, for its own
 * thread only. A kprobe at the entry of arm_smccc_1_2_smc and
 * arm_smccc_1_2_hvc sends a call that the case's thread makes to conf_relay()
 * instead; a call from any other task runs the real instruction, untouched.
 * conf_relay() reports the call through /dev/ffa_conformance and waits for
 * the harness: it returns the harness's answer (answer mode), or lets the call
 * through to the real secure world first and reports the answer it got
 * (observe mode). Partitions the harness's secure world hosts and the board's
 * does not are registered on the FF-A bus as stand-ins, with the driver's own
 * ops, so that their requests go through the driver as any other.
 */
#include <linux/arm-smccc.h>
#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/wait.h>

#include "companion.h"

static char *ids;
module_param(ids, charp, 0444);
MODULE_PARM_DESC(ids, "harness=device: the endpoint IDs of uuids= (hex, comma-separated), for the stand-ins registered when the board has no such partition");

#define CONF_QUEUE 8

union conf_any {
	u32 kind;
	struct conf_hello hello;
	struct conf_event event;
	struct conf_done done;
	struct conf_fault fault;
};

static DEFINE_SPINLOCK(queue_lock);
static DECLARE_WAIT_QUEUE_HEAD(readers);
static DECLARE_WAIT_QUEUE_HEAD(cases);
static DECLARE_COMPLETION(answered);
static union conf_any *queue;
static size_t queue_size[CONF_QUEUE];
static int queue_head, queue_count;
static atomic_t opened = ATOMIC_INIT(0);
static bool case_pending, observing, passing, stopping;
static u32 case_id;
static struct conf_case *incoming;
static struct conf_answer answer;
static struct ffa_device *stand_ins[CONF_MAX_PARTITIONS];
static const struct ffa_ops *driver_ops;

static void conf_post(const void *event, size_t size)
{
	unsigned long flags;

	spin_lock_irqsave(&queue_lock, flags);
	if (queue_count < CONF_QUEUE) {
		int slot = (queue_head + queue_count++) % CONF_QUEUE;

		memcpy(&queue[slot], event, size);
		queue_size[slot] = size;
	}
	spin_unlock_irqrestore(&queue_lock, flags);
	wake_up_interruptible(&readers);
}

/* The refusal a call gets when the harness is gone: FFA_ERROR(ABORTED), which ends the driver's request. */
static void conf_refuse(struct arm_smccc_1_2_regs *res)
{
	memset(res, 0, sizeof(*res));
	res->a0 = 0x84000060;
	res->a2 = (u32)-8;
}

static void conf_relay(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res, u32 conduit)
{
	struct conf_event *event = kzalloc(sizeof(*event), GFP_KERNEL);

	if (!event) {
		WRITE_ONCE(mailbox->abort, 1);
		conf_refuse(res);
		return;
	}
	event->kind = observing ? CONF_EV_OBSERVED : CONF_EV_CALL;
	event->step = READ_ONCE(mailbox->running);
	event->conduit = conduit;
	event->id = case_id;
	memcpy(event->args, args, sizeof(event->args));
	if (observing) {
		WRITE_ONCE(passing, true);
		if (conduit == CONF_CONDUIT_HVC)
			arm_smccc_1_2_hvc(args, res);
		else
			arm_smccc_1_2_smc(args, res);
		WRITE_ONCE(passing, false);
		memcpy(event->res, res, sizeof(event->res));
	}
	reinit_completion(&answered);
	conf_post(event, sizeof(*event));
	kfree(event);
	while (!wait_for_completion_timeout(&answered, HZ)) {
		if (READ_ONCE(stopping) || !atomic_read(&opened)) {
			WRITE_ONCE(mailbox->abort, 1);
			conf_refuse(res);
			return;
		}
	}
	if (answer.abort)
		WRITE_ONCE(mailbox->abort, 1);
	if (!observing || answer.abort)
		memcpy(res, answer.a, sizeof(*res));
}

/* Where a kprobed call of the case's thread goes instead: same arguments, same return. */
static noinline void conf_relay_smc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	conf_relay(args, res, CONF_CONDUIT_SMC);
}

static noinline void conf_relay_hvc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	conf_relay(args, res, CONF_CONDUIT_HVC);
}

static int conf_pre(struct kprobe *probe, struct pt_regs *regs);

static struct kprobe probe_smc = { .symbol_name = "arm_smccc_1_2_smc", .pre_handler = conf_pre };
static struct kprobe probe_hvc = { .symbol_name = "arm_smccc_1_2_hvc", .pre_handler = conf_pre };

static int conf_pre(struct kprobe *probe, struct pt_regs *regs)
{
	if (current != runner || READ_ONCE(passing))
		return 0;
	instruction_pointer_set(regs, probe == &probe_hvc ? (unsigned long)conf_relay_hvc : (unsigned long)conf_relay_smc);
	return 1;
}

static int conf_is_vm_id(struct device *dev, const void *data)
{
	return to_ffa_dev(dev)->vm_id == *(const u16 *)data;
}

struct ffa_device *conf_board_device(u64 dst)
{
	u16 id = (u16)dst;
	struct device *dev;

	if (dst > 0xffff)
		return NULL;
	dev = bus_find_device(&ffa_bus_type, NULL, &id, conf_is_vm_id);
	return dev ? to_ffa_dev(dev) : NULL;
}

static bool conf_is_stand_in(const struct ffa_device *dev)
{
	int i;

	for (i = 0; i < CONF_MAX_PARTITIONS; i++)
		if (stand_ins[i] == dev)
			return true;
	return false;
}

static int conf_describe(struct device *dev, void *data)
{
	struct conf_hello *hello = data;
	struct ffa_device *ffa = to_ffa_dev(dev);
	struct conf_partition *partition;

	/* The driver's device for its own endpoint (the host) has no UUID: it is no partition to send to. */
	if (hello->partitions >= CONF_MAX_PARTITIONS || uuid_is_null(&ffa->uuid))
		return 0;
	partition = &hello->partition[hello->partitions++];
	partition->id = ffa->vm_id;
	partition->flags = conf_is_stand_in(ffa) ? CONF_PARTITION_STAND_IN : 0;
	export_uuid(partition->uuid, &ffa->uuid);
	return 0;
}

static int conf_ops_of(struct device *dev, void *data)
{
	*(const struct ffa_ops **)data = to_ffa_dev(dev)->ops;
	return 1;
}

/* An FF-A call from the writer's own task, which must pass through: the partition information of a board's partition. */
static void conf_ping(void)
{
	struct conf_event event = { .kind = CONF_EV_PING };
	struct ffa_partition_info info = {};
	struct ffa_device *found = NULL;
	struct conf_hello hello = {};
	char uuid[UUID_STRING_LEN + 1];
	int i;

	bus_for_each_dev(&ffa_bus_type, NULL, &hello, conf_describe);
	for (i = 0; i < hello.partitions && !found; i++)
		if (!(hello.partition[i].flags & CONF_PARTITION_STAND_IN))
			found = conf_board_device(hello.partition[i].id);
	if (!found) {
		event.args[0] = (u64)-ENODEV;
	} else {
		snprintf(uuid, sizeof(uuid), "%pUb", &found->uuid);
		event.args[0] = (u64)(s64)found->ops->info_ops->partition_info_get(uuid, &info);
		event.args[1] = info.id;
		put_device(&found->dev);
	}
	conf_post(&event, sizeof(event));
}

static int conf_open(struct inode *inode, struct file *file)
{
	struct conf_hello hello = { .kind = CONF_EV_HELLO };
	unsigned long flags;

	if (atomic_cmpxchg(&opened, 0, 1))
		return -EBUSY;
	spin_lock_irqsave(&queue_lock, flags);
	queue_count = 0;
	spin_unlock_irqrestore(&queue_lock, flags);
	hello.version = driver_ops->info_ops->api_version_get();
	hello.faulted = READ_ONCE(mailbox->fault);
	bus_for_each_dev(&ffa_bus_type, NULL, &hello, conf_describe);
	conf_post(&hello, sizeof(hello));
	return 0;
}

static int conf_release(struct inode *inode, struct file *file)
{
	atomic_set(&opened, 0);
	/* A case waiting for an answer is refused and unwinds. */
	answer.abort = 1;
	conf_refuse((struct arm_smccc_1_2_regs *)answer.a);
	complete(&answered);
	return 0;
}

static ssize_t conf_read(struct file *file, char __user *buf, size_t len, loff_t *off)
{
	union conf_any *event;
	unsigned long flags;
	size_t size;
	int ret;

	ret = wait_event_interruptible(readers, READ_ONCE(queue_count) > 0);
	if (ret)
		return ret;
	event = kmalloc(sizeof(*event), GFP_KERNEL);
	if (!event)
		return -ENOMEM;
	spin_lock_irqsave(&queue_lock, flags);
	size = queue_size[queue_head];
	memcpy(event, &queue[queue_head], size);
	if (len >= size) {
		queue_head = (queue_head + 1) % CONF_QUEUE;
		queue_count--;
	}
	spin_unlock_irqrestore(&queue_lock, flags);
	ret = len < size ? -EINVAL : copy_to_user(buf, event, size) ? -EFAULT : (int)size;
	kfree(event);
	return ret;
}

static ssize_t conf_write(struct file *file, const char __user *buf, size_t len, loff_t *off)
{
	u32 kind;

	if (len < sizeof(kind) || copy_from_user(&kind, buf, sizeof(kind)))
		return -EINVAL;
	switch (kind) {
	case CONF_MSG_CASE:
		if (len != sizeof(*incoming))
			return -EINVAL;
		if (READ_ONCE(case_pending))
			return -EBUSY;
		if (copy_from_user(incoming, buf, len))
			return -EFAULT;
		WRITE_ONCE(case_pending, true);
		wake_up_interruptible(&cases);
		return len;
	case CONF_MSG_ANSWER:
		if (len != sizeof(answer) || copy_from_user(&answer, buf, len))
			return -EINVAL;
		complete(&answered);
		return len;
	case CONF_MSG_PING:
		conf_ping();
		return len;
	default:
		return -EINVAL;
	}
}

static __poll_t conf_poll(struct file *file, poll_table *wait)
{
	poll_wait(file, &readers, wait);
	return READ_ONCE(queue_count) > 0 ? EPOLLIN | EPOLLRDNORM : 0;
}

static const struct file_operations conf_fops = {
	.owner = THIS_MODULE,
	.open = conf_open,
	.release = conf_release,
	.read = conf_read,
	.write = conf_write,
	.poll = conf_poll,
};

static struct miscdevice conf_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ffa_conformance",
	.fops = &conf_fops,
};

/* The case's thread: waits for a case and takes it into the mailbox; false when there is none (yet). */
bool conf_board_next(void)
{
	u32 steps;

	if (wait_event_interruptible_timeout(cases, READ_ONCE(case_pending) || kthread_should_stop(), HZ) <= 0 || kthread_should_stop())
		return false;
	steps = min_t(u32, incoming->steps, CONF_MAX_STEPS);
	memcpy(mailbox->step, incoming->step, sizeof(incoming->step));
	observing = incoming->flags & CONF_CASE_OBSERVE;
	case_id = incoming->id;
	WRITE_ONCE(mailbox->abort, 0);
	WRITE_ONCE(mailbox->steps, steps);
	return true;
}

void conf_board_done(void)
{
	struct conf_done *done = kzalloc(sizeof(*done), GFP_KERNEL);

	if (done) {
		done->kind = CONF_EV_DONE;
		done->completed = READ_ONCE(mailbox->completed);
		done->id = case_id;
		memcpy(done->result, mailbox->result, sizeof(done->result));
		conf_post(done, sizeof(*done));
		kfree(done);
	}
	WRITE_ONCE(case_pending, false);
}

void conf_board_fault(const char *text)
{
	struct conf_fault fault = { .kind = CONF_EV_FAULT };

	strscpy(fault.text, text, sizeof(fault.text));
	conf_post(&fault, sizeof(fault));
}

static int conf_parse_id(const char **list, u16 *id)
{
	char one[8];
	size_t n = strcspn(*list, ",");
	unsigned int value;

	if (n == 0 || n >= sizeof(one))
		return -EINVAL;
	memcpy(one, *list, n);
	one[n] = 0;
	*list += n + ((*list)[n] == ',');
	if (kstrtouint(one, 16, &value) || value > 0xffff)
		return -EINVAL;
	*id = value;
	return 0;
}

/* Stand-ins for the partitions of uuids= that the board's secure world does not host. */
static int conf_register_stand_ins(void)
{
	const char *list = ids ? ids : "";
	int i;

	for (i = 0; i < conf_id_count; i++) {
		struct ffa_partition_info info = {
			.exec_ctxt = 1,
			.properties = FFA_PARTITION_DIRECT_RECV | FFA_PARTITION_DIRECT_SEND | FFA_PARTITION_AARCH64_EXEC,
		};
		struct ffa_device *existing;

		if (conf_parse_id(&list, &info.id)) {
			pr_err("ffa_conformance: ids='%s' does not give a hex endpoint ID for each of the %d UUIDs\n", ids ? ids : "", conf_id_count);
			return -EINVAL;
		}
		existing = conf_board_device(info.id);
		if (existing) {
			put_device(&existing->dev);
			continue;
		}
		export_uuid((u8 *)info.uuid, &conf_ids[i].uuid);
#ifdef CONF_API_REGISTER_UUID
		stand_ins[i] = ffa_device_register(&conf_ids[i].uuid, info.id, driver_ops);
#else
		stand_ins[i] = ffa_device_register(&info, driver_ops);
#endif
		if (!stand_ins[i]) {
			pr_err("ffa_conformance: registering a stand-in for partition 0x%04x failed\n", info.id);
			return -ENODEV;
		}
	}
	return 0;
}

static void conf_board_exit_devices(void)
{
	int i;

	for (i = 0; i < CONF_MAX_PARTITIONS; i++) {
		if (stand_ins[i])
			ffa_device_unregister(stand_ins[i]);
		stand_ins[i] = NULL;
	}
}

int conf_board_init(void)
{
	int ret;

	bus_for_each_dev(&ffa_bus_type, NULL, &driver_ops, conf_ops_of);
	if (!driver_ops) {
		pr_err("ffa_conformance: the FF-A driver registered no partition, so its API cannot be reached\n");
		return -ENODEV;
	}
	queue = kcalloc(CONF_QUEUE, sizeof(*queue), GFP_KERNEL);
	incoming = kzalloc(sizeof(*incoming), GFP_KERNEL);
	if (!queue || !incoming) {
		ret = -ENOMEM;
		goto free;
	}
	ret = conf_register_stand_ins();
	if (ret)
		goto devices;
	ret = register_kprobe(&probe_smc);
	if (ret) {
		pr_err("ffa_conformance: no kprobe at arm_smccc_1_2_smc: %d (CONFIG_KPROBES?)\n", ret);
		goto devices;
	}
	ret = register_kprobe(&probe_hvc);
	if (ret) {
		pr_err("ffa_conformance: no kprobe at arm_smccc_1_2_hvc: %d\n", ret);
		goto smc;
	}
	ret = misc_register(&conf_misc);
	if (ret)
		goto hvc;
	return 0;

hvc:
	unregister_kprobe(&probe_hvc);
smc:
	unregister_kprobe(&probe_smc);
devices:
	conf_board_exit_devices();
free:
	kfree(incoming);
	kfree(queue);
	return ret;
}

void conf_board_stop(void)
{
	WRITE_ONCE(stopping, true);
}

void conf_board_exit(void)
{
	misc_deregister(&conf_misc);
	unregister_kprobe(&probe_hvc);
	unregister_kprobe(&probe_smc);
	conf_board_exit_devices();
	kfree(incoming);
	kfree(queue);
}
