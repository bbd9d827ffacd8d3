using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Qemu.Firmware;

// Usage: probe native|qemu <transport source> <build directory>. Prints "ready" once the target runs, then
// waits to be killed; the test that started it checks that the target's processes die with it.
if (args.Length != 3 || args[0] is not ("native" or "qemu"))
{
    Console.Error.WriteLine("usage: probe native|qemu <transport source> <build directory>");
    return 2;
}

using ITarget target = args[0] == "native"
    ? NativeTarget.Create("probe", FfaVersion.V1_2, new NativeOptions(args[1], args[2], NativeOptions.DefaultHangTimeout), sourceRequired: true)
    : QemuTarget.Create("probe", FfaVersion.V1_2, new QemuOptions(args[1], args[2], QemuOptions.DefaultHangTimeout), sourceRequired: true);
Console.WriteLine("ready");
Thread.Sleep(Timeout.Infinite);
return 0;
