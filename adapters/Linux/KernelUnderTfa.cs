namespace FfaConformance.Adapters.Linux;

/// <summary>
/// What a Linux guest needs to boot as TF-A's BL33 (<see cref="Qemu.Firmware.RealSecureWorld"/>): the bios whose BL33 enters
/// the kernel, the device tree it is given, and the file the secure world's own UART (OP-TEE's log) is written to.
/// </summary>
public sealed record KernelUnderTfa(string Bios, string DeviceTree, string SecureLog);
