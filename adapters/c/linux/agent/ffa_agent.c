// SPDX-License-Identifier: GPL-2.0
/*
 * FfaConformance agent: relays the companion's device (/dev/ffa_conformance)
 * over its standard input and output, which the harness reaches through SSH.
 * Written for this project. Every frame either way is a 32-bit little-endian
 * length and that many bytes: one message to write(), one event read().
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ffa_conformance.h"

#define FRAME_MAX 8192

static int full(ssize_t (*io)(int, void *, size_t), int fd, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = io(fd, (char *)buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

static ssize_t writing(int fd, void *buf, size_t len)
{
	return write(fd, buf, len);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/dev/ffa_conformance";
	static unsigned char frame[FRAME_MAX];
	struct pollfd fds[2];
	int device = open(path, O_RDWR);

	if (device < 0) {
		fprintf(stderr, "ffa_agent: %s: %s\n", path, strerror(errno));
		return 1;
	}
	fds[0] = (struct pollfd){ .fd = 0, .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = device, .events = POLLIN };
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (fds[1].revents & POLLIN) {
			ssize_t n = read(device, frame + 4, sizeof(frame) - 4);
			uint32_t len = (uint32_t)n;

			if (n < 0) {
				fprintf(stderr, "ffa_agent: reading %s: %s\n", path, strerror(errno));
				return 1;
			}
			memcpy(frame, &len, 4);
			if (full(writing, 1, frame, 4 + len))
				return 0;
		}
		if (fds[0].revents & (POLLIN | POLLHUP)) {
			uint32_t len;

			if (full(read, 0, &len, 4))
				return 0;
			if (len > sizeof(frame) || full(read, 0, frame, len)) {
				fprintf(stderr, "ffa_agent: a frame of %u bytes is cut short or too long\n", len);
				return 1;
			}
			if (write(device, frame, len) != (ssize_t)len) {
				fprintf(stderr, "ffa_agent: writing %s: %s\n", path, strerror(errno));
				return 1;
			}
		}
	}
}
