/*
 * FfaConformance host shim: the U-Boot integer type names a runtime FF-A
 * transport is written with, for a host (LP64) or bare-metal aarch64 build.
 */
#ifndef FFA_SHIM_LINUX_TYPES_H
#define FFA_SHIM_LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned long ulong;

#endif
