using System.Text.RegularExpressions;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// Debian's current arm64 kernel of the <see cref="Series"/> series and what building modules for it takes:
/// the kernel's version is resolved from apt at run time, its packages fetched with apt-get download and
/// unpacked with dpkg -x into the build directory, once per version — the boot Image, the headers and kbuild
/// tools for out-of-tree modules, busybox-static, and the arm_ffa driver from the matching linux-source.
/// Nothing is installed on the machine, and nothing of it is part of this repository.
/// </summary>
public sealed partial record LinuxKernel(string Abi, string Version, string Root)
{
    /// <summary>The kernel's command line: nokaslr keeps the conduit sites at their link addresses; the rest only shortens the boot under TCG.</summary>
    public const string CommandLine = "console=ttyAMA0 nokaslr rdinit=/init panic=-1 quiet cryptomgr.notests mitigations=off";

    /// <summary>The kernel series whose image, headers and source packages are used.</summary>
    public const string Series = "6.12";

    /// <summary>The uncompressed arm64 Image QEMU boots.</summary>
    public string Image => Path.Combine(Root, "Image");

    /// <summary>The headers directory out-of-tree modules are built against (make -C).</summary>
    public string Headers => Path.Combine(Root, "sysroot", "usr", "src", $"linux-headers-{Abi}-arm64");

    /// <summary>include/linux/arm_ffa.h as the running kernel has it.</summary>
    public string FfaHeader => Path.Combine(Root, "sysroot", "usr", "src", $"linux-headers-{Abi}-common", "include", "linux", "arm_ffa.h");

    public string Busybox => Path.Combine(Root, "busybox");

    /// <summary>drivers/firmware/arm_ffa from linux-source, the version of the kernel.</summary>
    public string DriverSource => Path.Combine(Root, "source", $"linux-source-{Series}", "drivers", "firmware", "arm_ffa");

    /// <summary>include/linux/arm_ffa.h from linux-source.</summary>
    public string SourceFfaHeader => Path.Combine(Root, "source", $"linux-source-{Series}", "include", "linux", "arm_ffa.h");

    /// <summary>
    /// The kernel, prepared in <paramref name="buildRoot"/> if it is not there yet; <see cref="TargetUnavailableException"/>
    /// (a skip naming the Debian package) when a tool is missing or apt does not know arm64 packages.
    /// </summary>
    public static LinuxKernel Prepare(string buildRoot, string target)
    {
        var missing = new List<string>();
        foreach (var (tool, package) in Tools)
        {
            if (Toolchain.OnPath(tool) is null)
            {
                missing.Add($"{tool} (apt-get install {package})");
            }
        }

        if (missing.Count > 0)
        {
            throw new TargetUnavailableException($"linux target {target} is skipped: not found on PATH: {string.Join(", ", missing)}", skip: true);
        }

        var architectures = Toolchain.Invoke("dpkg", ["--print-foreign-architectures"]).Output;
        if (!architectures.Split('\n').Contains("arm64") && Toolchain.Invoke("dpkg", ["--print-architecture"]).Output.Trim() != "arm64")
        {
            throw new TargetUnavailableException(
                $"linux target {target} is skipped: apt does not know arm64 packages (dpkg --add-architecture arm64 && apt-get update; tools/test does this)", skip: true);
        }

        var (abi, version) = Resolve(buildRoot, target);

        var root = CBuild.Cached(buildRoot, "linux", Sanitize($"{abi}_{version}"), "ready", work => Unpack(work, abi, version, target));
        return new LinuxKernel(abi, version, root);
    }

    /// <summary>
    /// The current kernel ABI and package version as apt knows them now. apt-cache takes seconds, so its answer is
    /// kept with a fingerprint of apt's package lists and asked again whenever they change (an apt-get update).
    /// </summary>
    private static (string Abi, string Version) Resolve(string buildRoot, string target)
    {
        var remembered = Path.Combine(buildRoot, "linux", "current");
        var fingerprint = ListsFingerprint();
        if (fingerprint is not null && File.Exists(remembered) && File.ReadAllLines(remembered) is [var seen, var abiSeen, var versionSeen] && seen == fingerprint)
        {
            return (abiSeen, versionSeen);
        }

        // The series' metapackage pins the current ABI package at one version: "Depends: linux-headers-<abi>-arm64 (= <version>)".
        var (found, headers) = Toolchain.Invoke("apt-cache", ["show", "--no-all-versions", $"linux-headers-{Series}-arm64:arm64"]);
        var (abi, version) = found == 0 && HeadersDependency().Match(headers) is { Success: true } m
            ? (m.Groups[1].Value, m.Groups[2].Value)
            : throw new TargetUnavailableException($"linux target {target} is skipped: apt knows no linux-headers-{Series}-arm64:arm64 (apt-get update?)", skip: true);
        if (fingerprint is not null)
        {
            // Written aside and moved, so that the suite and the self-tests starting together never read half of it.
            Directory.CreateDirectory(Path.GetDirectoryName(remembered)!);
            var written = $"{remembered}.{Guid.NewGuid():N}";
            File.WriteAllLines(written, [fingerprint, abi, version]);
            File.Move(written, remembered, overwrite: true);
        }

        return (abi, version);
    }

    /// <summary>Names, sizes and times of apt's package lists; null when they are not where Debian keeps them.</summary>
    private static string? ListsFingerprint()
    {
        const string lists = "/var/lib/apt/lists";
        if (!Directory.Exists(lists))
        {
            return null;
        }

        var files = Directory.GetFiles(lists, "*Packages*").Order(StringComparer.Ordinal).Select(f => new FileInfo(f)).ToArray();
        return files.Length == 0 ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', files.Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc.Ticks}")))));
    }

    /// <summary>Tools the set-up and the module builds run, with their Debian packages.</summary>
    private static readonly (string Tool, string Package)[] Tools =
    [
        ("apt-get", "apt"), ("apt-cache", "apt"), ("dpkg-deb", "dpkg"), ("tar", "tar"), ("xz", "xz-utils"), ("make", "make"),
        ("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu"), ("aarch64-linux-gnu-strip", "binutils-aarch64-linux-gnu"),
        (QemuImg, "qemu-utils"),
    ];

    /// <summary>Creates the image the guest's snapshot is kept in.</summary>
    public const string QemuImg = "qemu-img";

    private static void Unpack(string work, string abi, string version, string target)
    {
        var debs = Directory.CreateDirectory(Path.Combine(work, "debs")).FullName;
        Run(target, "apt-get", [
            "download",
            $"linux-image-{abi}-arm64:arm64={version}", $"linux-headers-{abi}-arm64:arm64={version}",
            $"linux-headers-{abi}-common={version}", $"linux-kbuild-{abi}={version}", $"linux-source-{Series}={version}", "busybox-static:arm64",
        ], debs);

        string Deb(string prefix) => Directory.GetFiles(debs, $"{prefix}_*.deb").Single();
        var sysroot = Directory.CreateDirectory(Path.Combine(work, "sysroot")).FullName;
        foreach (var package in new[] { $"linux-headers-{abi}-arm64", $"linux-headers-{abi}-common", $"linux-kbuild-{abi}" })
        {
            Run(target, "dpkg-deb", ["-x", Deb(package), sysroot]);
        }

        // The headers' Makefile includes the common headers by their installed path: point it at the unpacked copy,
        // relative to the headers (make runs there), so that the folder can move.
        var makefile = Path.Combine(sysroot, "usr", "src", $"linux-headers-{abi}-arm64", "Makefile");
        File.WriteAllText(makefile, File.ReadAllText(makefile).Replace("include /usr/src/", "include ../", StringComparison.Ordinal));

        Shell(target, $"dpkg-deb --fsys-tarfile {Quote(Deb($"linux-image-{abi}-arm64"))} | tar -xO ./boot/vmlinuz-{abi}-arm64 > {Quote(Path.Combine(work, "Image"))}");
        var source = Directory.CreateDirectory(Path.Combine(work, "source")).FullName;
        Shell(target, $"dpkg-deb --fsys-tarfile {Quote(Deb($"linux-source-{Series}"))} | tar -xO ./usr/src/linux-source-{Series}.tar.xz " +
            $"| tar -xJ -C {Quote(source)} linux-source-{Series}/drivers/firmware/arm_ffa linux-source-{Series}/include/linux/arm_ffa.h");
        var busybox = Directory.CreateDirectory(Path.Combine(work, "busybox-package")).FullName;
        Run(target, "dpkg-deb", ["-x", Deb("busybox-static"), busybox]);
        File.Move(Path.Combine(busybox, "bin", "busybox"), Path.Combine(work, "busybox"));
        Directory.Delete(busybox, recursive: true);
        Directory.Delete(debs, recursive: true);
        File.WriteAllText(Path.Combine(work, "ready"), $"{abi} {version}\n");
    }

    private static string Run(string target, string tool, IEnumerable<string> arguments, string? directory = null)
    {
        var (exit, output) = Toolchain.Invoke(tool, arguments, directory);
        return exit == 0 ? output : throw new TargetUnavailableException($"linux target {target}: {tool} {string.Join(' ', arguments)} failed:\n{output}", skip: false);
    }

    private static void Shell(string target, string command) => Run(target, "bash", ["-o", "pipefail", "-c", command]);

    private static string Quote(string path) => $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static string Sanitize(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    [GeneratedRegex(@"^Depends: .*\blinux-headers-(\S+)-arm64 \(= ([^)\s]+)\)", RegexOptions.Multiline)]
    private static partial Regex HeadersDependency();
}
