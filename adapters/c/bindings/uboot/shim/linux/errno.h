/*
 * FfaConformance host shim: errno numbers with their Linux asm-generic
 * values, which U-Boot shares (include/linux/errno.h). Defined here rather
 * than taken from a C library so that bare-metal builds agree with host ones.
 */
#ifndef FFA_SHIM_LINUX_ERRNO_H
#define FFA_SHIM_LINUX_ERRNO_H

#define EPERM		1
#define EINTR		4
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EBUSY		16
#define ENODEV		19
#define EINVAL		22
#define ENOSYS		38
#define ENODATA		61
#define EPROTO		71
#define EOPNOTSUPP	95
#define ETIMEDOUT	110
#define ECANCELED	125

#endif
