/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FfaConformance companion module: what companion.c (the cases) and board.c
 * (a board's device, kprobes and relay) share. Written for this project.
 */
#ifndef COMPANION_H
#define COMPANION_H

#include <linux/arm_ffa.h>
#include <linux/sched.h>

#include "ffa_conformance.h"

extern struct conf_mailbox *mailbox;
extern struct task_struct *runner;
extern struct ffa_device_id conf_ids[CONF_MAX_PARTITIONS + 1];
extern int conf_id_count;

int conf_board_init(void);
void conf_board_stop(void);
void conf_board_exit(void);
bool conf_board_next(void);
void conf_board_done(void);
void conf_board_fault(const char *text);
struct ffa_device *conf_board_device(u64 dst);

#endif
