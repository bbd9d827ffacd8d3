/*
 * FfaConformance keeper: runs one process a target needs (a native host, a
 * QEMU) so that nothing that process starts can outlive it.
 *
 * usage: ffa-keeper [--remove PATH]... PROGRAM [ARGUMENT...]
 *
 * The keeper makes itself a child subreaper, so every descendant of PROGRAM
 * that is orphaned (a double fork, setsid, a daemon) becomes its child. It
 * ends -- killing every descendant first -- when PROGRAM exits, when its own
 * standard input, a pipe, reaches end of file (the harness closed it, or died), or on
 * SIGTERM/SIGINT/SIGHUP (the parent-death signal it asks for is SIGTERM).
 * Then it removes every PATH given with --remove (a socket PROGRAM listens on,
 * say). It exits with PROGRAM's status, or 128 + the signal that killed
 * PROGRAM; 125 when it could not start PROGRAM.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Kills every process whose parent is the keeper, until none is left. */
static void kill_descendants(void)
{
	pid_t self = getpid();
	struct timespec pause = { 0, 1000000 };

	for (;;) {
		DIR *proc = opendir("/proc");
		struct dirent *entry;
		int found = 0;

		if (!proc)
			break;
		while ((entry = readdir(proc))) {
			char path[64], stat[512];
			char *close_paren;
			int pid, ppid = 0, fd;
			ssize_t n;

			pid = atoi(entry->d_name);
			if (pid <= 0)
				continue;
			snprintf(path, sizeof(path), "/proc/%d/stat", pid);
			fd = open(path, O_RDONLY);
			if (fd < 0)
				continue;
			n = read(fd, stat, sizeof(stat) - 1);
			close(fd);
			if (n <= 0)
				continue;
			stat[n] = 0;
			/* The command name may hold spaces and parentheses: fields resume after the last ')'. */
			close_paren = strrchr(stat, ')');
			if (!close_paren || sscanf(close_paren + 1, " %*c %d", &ppid) != 1 || ppid != self)
				continue;
			kill(pid, SIGKILL);
			found = 1;
		}
		closedir(proc);
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (!found && waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
			break;
		nanosleep(&pause, NULL);
	}
}

#define MAX_REMOVE 8

static const char *removals[MAX_REMOVE];
static int n_removals;

/* Ends the keeper: nothing under it survives, and nothing it was told to remove is left. */
static int finish(int status)
{
	int i;

	kill_descendants();
	for (i = 0; i < n_removals; i++)
		unlink(removals[i]);
	return status;
}

static int status_of(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	sigset_t signals;
	struct pollfd watch[2];
	pid_t child;
	int events;

	int first = 1;

	while (first + 1 < argc && strcmp(argv[first], "--remove") == 0 && n_removals < MAX_REMOVE) {
		removals[n_removals++] = argv[first + 1];
		first += 2;
	}
	if (first >= argc) {
		fprintf(stderr, "usage: %s [--remove PATH]... PROGRAM [ARGUMENT...]\n", argv[0]);
		return 125;
	}
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1)
		return 125;

	sigemptyset(&signals);
	sigaddset(&signals, SIGCHLD);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGHUP);
	sigaddset(&signals, SIGPIPE);
	sigprocmask(SIG_BLOCK, &signals, NULL);
	events = signalfd(-1, &signals, SFD_CLOEXEC);
	if (events < 0) {
		perror("ffa-keeper: signalfd");
		return 125;
	}

	child = fork();
	if (child < 0) {
		perror("ffa-keeper: fork");
		return 125;
	}
	if (child == 0) {
		int null = open("/dev/null", O_RDONLY);

		sigprocmask(SIG_UNBLOCK, &signals, NULL);
		/* The program must not hold the keeper's lifeline open. */
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			close(null);
		}
		execvp(argv[first], argv + first);
		fprintf(stderr, "ffa-keeper: cannot run %s: %s\n", argv[first], strerror(errno));
		_exit(125);
	}

	/* Only a pipe is a lifeline: a terminal or /dev/null says nothing about the harness. */
	{
		struct stat in;

		watch[0].fd = fstat(STDIN_FILENO, &in) == 0 && S_ISFIFO(in.st_mode) ? STDIN_FILENO : -1;
	}
	watch[0].events = POLLIN;
	watch[1].fd = events;
	watch[1].events = POLLIN;
	for (;;) {
		if (poll(watch, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (watch[0].revents) {
			char buffer[64];

			if (read(STDIN_FILENO, buffer, sizeof(buffer)) <= 0)
				return finish(128 + SIGKILL);
		}
		if (watch[1].revents) {
			struct signalfd_siginfo info;
			int status;
			pid_t done;

			if (read(events, &info, sizeof(info)) != sizeof(info))
				continue;
			if (info.ssi_signo != SIGCHLD && info.ssi_signo != SIGPIPE)
				return finish(128 + (int)info.ssi_signo);
			while ((done = waitpid(-1, &status, WNOHANG)) > 0) {
				if (done == child)
					return finish(status_of(status));
			}
		}
	}
	return finish(125);
}
