/*
 * FfaConformance bench: the simplest firmware, which only issues SMCs, to
 * measure how many calls per second the gdbstub can trap at all.
 */
	.text
	.global _start
_start:
	mov	x0, #0
1:	smc	#0
	b	1b
