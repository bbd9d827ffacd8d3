using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Tests.Linux.Board;

/// <summary>
/// The ramdisk of the QEMU guest that stands in for a board: Debian's arm64 kernel modules for virtio networking,
/// BusyBox, Dropbear (from Debian's arm64 packages, with the libraries it links) accepting one ed25519 key, and the
/// arm_ffa driver as the linux target builds it. Debian's packages are fetched with apt-get download at test time;
/// the whole is cached by a hash of its inputs.
/// </summary>
internal sealed record StandInImage(string Initramfs, string IdentityFile)
{
    /// <summary>Dropbear and what it links, as Debian bookworm ships them for arm64.</summary>
    private static readonly string[] Packages = ["dropbear-bin", "libc6", "libcrypt1", "libtomcrypt1", "libtommath1", "zlib1g", "libgmp10"];

    /// <summary>virtio-net and what it depends on, in load order.</summary>
    private static readonly string[] NetworkModules = ["net/core/failover", "drivers/net/net_failover", "drivers/net/virtio_net"];

    private const string Init = """
        #!/bin/busybox sh
        /bin/busybox --install -s
        export PATH=/sbin:/bin:/usr/sbin:/usr/bin HOME=/root
        mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
        for m in failover net_failover virtio_net; do insmod /modules/$m.ko; done
        insmod /ffa-core.ko && insmod /ffa-module.ko
        echo "stand-in: modules loaded with status $?"
        ip link set lo up
        ip addr add 10.0.2.15/24 dev eth0; ip link set eth0 up; ip route add default via 10.0.2.2
        while true; do dropbear -R -s -F -E -p 22; echo "stand-in: dropbear exited with status $?"; sleep 1; done

        """;

    public static StandInImage Build(LinuxKernel kernel, LinuxModules driver, string buildRoot)
    {
        var key = new StringBuilder(kernel.Abi).Append(kernel.Version).Append(Init).Append(string.Join(',', Packages));
        foreach (var module in new[] { "ffa-core.ko", "ffa-module.ko" })
        {
            key.Append('\0').Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(driver.Driver, module)))));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
        var output = CBuild.Cached(buildRoot, "linux-board-stand-in", hash, "initramfs.cpio.gz", work =>
        {
            var debs = Directory.CreateDirectory(Path.Combine(work, "debs")).FullName;
            Run("apt-get", ["download", .. Packages.Select(p => $"{p}:arm64"), $"linux-image-{kernel.Abi}-arm64:arm64={kernel.Version}"], debs);
            var root = Directory.CreateDirectory(Path.Combine(work, "packages")).FullName;
            foreach (var deb in Directory.GetFiles(debs, "*.deb").Where(d => !Path.GetFileName(d).StartsWith("linux-image", StringComparison.Ordinal)))
            {
                Run("dpkg-deb", ["-x", deb, root]);
            }

            var modules = $"./lib/modules/{kernel.Abi}-arm64/kernel";
            var image = Directory.GetFiles(debs, "linux-image-*.deb").Single();
            Run("bash", ["-o", "pipefail", "-c",
                $"dpkg-deb --fsys-tarfile '{image}' | tar -x -C '{root}' {string.Join(' ', NetworkModules.Select(m => $"{modules}/{m}.ko.xz"))}"]);

            Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-C", "ffa-stand-in", "-f", Path.Combine(work, "id_ed25519")]);
            var ramdisk = new Initramfs();
            foreach (var folder in new[] { "bin", "sbin", "usr", "usr/bin", "usr/sbin", "usr/lib", "usr/lib/aarch64-linux-gnu", "lib", "lib/aarch64-linux-gnu", "dev", "proc", "sys", "tmp", "etc", "etc/dropbear", "root", "root/.ssh", "modules" })
            {
                ramdisk.Folder(folder);
            }

            ramdisk.Device("dev/console", 5, 1)
                .File("init", Encoding.ASCII.GetBytes(Init), executable: true)
                .File("bin/busybox", File.ReadAllBytes(kernel.Busybox), executable: true)
                .File("usr/sbin/dropbear", File.ReadAllBytes(Path.Combine(root, "usr", "sbin", "dropbear")), executable: true)
                .File("etc/passwd", Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/sh\n"), executable: false)
                .File("etc/group", Encoding.ASCII.GetBytes("root:x:0:\n"), executable: false)
                .File("etc/shells", Encoding.ASCII.GetBytes("/bin/sh\n"), executable: false)
                .File("root/.ssh/authorized_keys", File.ReadAllBytes(Path.Combine(work, "id_ed25519.pub")), executable: false)
                .File("ffa-core.ko", File.ReadAllBytes(Path.Combine(driver.Driver, "ffa-core.ko")), executable: false)
                .File("ffa-module.ko", File.ReadAllBytes(Path.Combine(driver.Driver, "ffa-module.ko")), executable: false);

            // The loader where binaries look for it, and every library under its soname (links resolved here: the ramdisk has none).
            var loader = File.ReadAllBytes(Path.Combine(root, "lib", "aarch64-linux-gnu", "ld-linux-aarch64.so.1"));
            ramdisk.File("lib/ld-linux-aarch64.so.1", loader, executable: true).File("lib/aarch64-linux-gnu/ld-linux-aarch64.so.1", loader, executable: true);
            foreach (var (folder, soname) in new[]
            {
                ("lib/aarch64-linux-gnu", "libc.so.6"), ("lib/aarch64-linux-gnu", "libcrypt.so.1"), ("lib/aarch64-linux-gnu", "libz.so.1"),
                ("usr/lib/aarch64-linux-gnu", "libtomcrypt.so.1"), ("usr/lib/aarch64-linux-gnu", "libtommath.so.1"), ("usr/lib/aarch64-linux-gnu", "libgmp.so.10"),
            })
            {
                var path = Path.Combine(root, folder, soname);
                var real = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
                ramdisk.File($"{folder}/{soname}", File.ReadAllBytes(real), executable: false);
            }

            foreach (var module in NetworkModules)
            {
                var name = Path.GetFileName(module);
                var compressed = Path.Combine(root, "lib", "modules", $"{kernel.Abi}-arm64", "kernel", $"{module}.ko.xz");
                Run("xz", ["-dk", compressed]);
                ramdisk.File($"modules/{name}.ko", File.ReadAllBytes(Path.ChangeExtension(compressed, null)), executable: false);
            }

            ramdisk.Write(Path.Combine(work, "initramfs.cpio.gz"));
            Directory.Delete(debs, recursive: true);
            Directory.Delete(root, recursive: true);
        });
        return new StandInImage(Path.Combine(output, "initramfs.cpio.gz"), Path.Combine(output, "id_ed25519"));
    }

    private static void Run(string tool, IEnumerable<string> arguments, string? folder = null)
    {
        var (exit, output) = Toolchain.Invoke(tool, arguments, folder);
        if (exit != 0)
        {
            throw new TargetUnavailableException($"the stand-in board's image: {tool} {string.Join(' ', arguments)} failed:\n{output}", skip: false);
        }
    }
}
