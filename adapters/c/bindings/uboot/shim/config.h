/*
 * FfaConformance host shim: the configuration a runtime FF-A transport is
 * built with (ARM_FFA_TRANSPORT, EFI_LOADER, ARM_FFA_RT_MODE all on).
 * Included on the command line (-include config.h).
 */
#ifndef FFA_SHIM_CONFIG_H
#define FFA_SHIM_CONFIG_H

#define CONFIG_ARM_FFA_TRANSPORT	1
#define CONFIG_EFI_LOADER		1
#define CONFIG_ARM_FFA_RT_MODE		1

#define CONFIG_IS_ENABLED(option)	(CONFIG_ ## option)
#define IS_ENABLED(option)		(option)

#endif
