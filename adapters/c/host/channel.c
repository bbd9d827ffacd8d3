/*
 * FfaConformance native host, harness side: maps the page the harness shares,
 * dies with the harness, and dispatches its commands to the transport glue.
 * A reader spins briefly on a mailbox's sequence number and then sleeps on a
 * futex; the writer wakes it only if it said it was going to sleep.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "host.h"

/* About tens of microseconds of spinning before sleeping: a reply normally comes sooner. */
#define SPINS 2000

static inline void relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ volatile("yield");
#endif
}

static struct ffa_host_mailbox *to_host;
static struct ffa_host_mailbox *to_harness;
static uint32_t seen;
static int spins;

static void fail(const char *what)
{
	fprintf(stderr, "ffa-host: %s: %s\n", what, strerror(errno));
	exit(3);
}

static void futex(uint32_t *address, int operation, uint32_t value, const struct timespec *timeout)
{
	syscall(SYS_futex, address, operation, value, timeout, NULL, 0);
}

void host_receive(struct ffa_host_record *record)
{
	int spin;

	for (spin = 0; spin < spins && __atomic_load_n(&to_host->seq, __ATOMIC_ACQUIRE) == seen; spin++)
		relax();
	while (__atomic_load_n(&to_host->seq, __ATOMIC_ACQUIRE) == seen) {
		__atomic_store_n(&to_host->waiting, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&to_host->seq, __ATOMIC_SEQ_CST) == seen)
			futex(&to_host->seq, FUTEX_WAIT, seen, NULL);
		__atomic_store_n(&to_host->waiting, 0, __ATOMIC_RELAXED);
	}
	seen = __atomic_load_n(&to_host->seq, __ATOMIC_ACQUIRE);
	memcpy(record, &to_host->record, sizeof(*record));
	if (record->type == FFA_HOST_QUIT)
		exit(0);
}

void host_send(uint32_t type, uint32_t arg, const uint64_t *x)
{
	to_harness->record.type = type;
	to_harness->record.arg = arg;
	if (x)
		memcpy(to_harness->record.x, x, sizeof(to_harness->record.x));
	else
		memset(to_harness->record.x, 0, sizeof(to_harness->record.x));
	__atomic_store_n(&to_harness->seq, to_harness->seq + 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&to_harness->waiting, __ATOMIC_SEQ_CST))
		futex(&to_harness->seq, FUTEX_WAKE, 1, NULL);
}

int main(int argc, char **argv)
{
	struct ffa_host_record command;
	char *shared;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: %s SHARED-PAGE\n", argv[0]);
		return 2;
	}
	/* No orphan when the harness dies. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		return 0;
	fd = open(argv[1], O_RDWR);
	if (fd < 0)
		fail("open");
	shared = mmap(NULL, FFA_HOST_SHARED_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (shared == MAP_FAILED)
		fail("mmap");
	close(fd);
	to_host = (struct ffa_host_mailbox *)(shared + FFA_HOST_TO_HOST_OFFSET);
	to_harness = (struct ffa_host_mailbox *)(shared + FFA_HOST_TO_HARNESS_OFFSET);
	seen = __atomic_load_n(&to_host->seq, __ATOMIC_ACQUIRE);
	/* Spinning only pays when the harness runs on another CPU at the same time. */
	{
		cpu_set_t cpus;

		spins = sched_getaffinity(0, sizeof(cpus), &cpus) == 0 && CPU_COUNT(&cpus) > 1 ? SPINS : 0;
	}
	glue_start();
	host_send(FFA_HOST_HELLO, glue_capabilities(), NULL);
	for (;;) {
		host_receive(&command);
		switch (command.type) {
		case FFA_HOST_BEGIN:
			glue_begin(&command);
			break;
		case FFA_HOST_SEND:
			glue_send(&command);
			break;
		case FFA_HOST_SEND2:
			glue_send2(&command);
			break;
		case FFA_HOST_EXIT_BOOT_SERVICES:
			glue_exit_boot_services(&command);
			break;
		default:
			/* A stop order outside a call has nothing to abandon. */
			host_send(FFA_HOST_STOPPED, 0, NULL);
			break;
		}
	}
}
