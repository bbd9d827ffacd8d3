/*
 * FfaConformance native host: the two halves of the host process. channel.c
 * talks to the harness with system headers only; glue.c faces the transport
 * and sees only the U-Boot shim headers, so neither set shadows the other.
 */
#ifndef FFA_HOST_HOST_H
#define FFA_HOST_HOST_H

#include <stdint.h>

#include "protocol.h"

/* channel.c */
void host_send(uint32_t type, uint32_t arg, const uint64_t *x);
void host_receive(struct ffa_host_record *record);

/* glue.c */
void glue_start(void);
uint32_t glue_capabilities(void);
void glue_begin(const struct ffa_host_record *command);
void glue_send(const struct ffa_host_record *command);
void glue_send2(const struct ffa_host_record *command);
void glue_exit_boot_services(const struct ffa_host_record *command);

#endif
