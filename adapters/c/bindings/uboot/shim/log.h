/*
 * FfaConformance host shim: U-Boot's log_*() calls go to the harness, which
 * keeps the last message for diagnostics instead of printing every one.
 */
#ifndef FFA_SHIM_LOG_H
#define FFA_SHIM_LOG_H

void ffa_shim_log(const char *format, ...) __attribute__((format(printf, 1, 2)));

#define log_err(...)		ffa_shim_log(__VA_ARGS__)
#define log_warning(...)	ffa_shim_log(__VA_ARGS__)
#define log_info(...)		ffa_shim_log(__VA_ARGS__)
#define log_debug(...)		ffa_shim_log(__VA_ARGS__)

#endif
