/*
 * FfaConformance host shim: U-Boot's global data pointer is declared but not
 * provided; a runtime transport must not use it after ExitBootServices.
 */
#ifndef FFA_SHIM_ASM_GLOBAL_DATA_H
#define FFA_SHIM_ASM_GLOBAL_DATA_H

struct global_data;

#define DECLARE_GLOBAL_DATA_PTR extern struct global_data *gd

#endif
