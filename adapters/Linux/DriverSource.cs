using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// The arm_ffa driver a linux target runs: the folder with its sources and the include/linux/arm_ffa.h that
/// goes with them, and where they came from. The default is the linux-source package of the running kernel;
/// a user names a kernel tree or a drivers/firmware/arm_ffa folder instead. A mutant changes a copy at build
/// time; the files read here are never written.
/// </summary>
public sealed record DriverSource(string Folder, string Header, string Origin)
{
    private static readonly string[] Files = ["bus.c", "driver.c", "smccc.c", "common.h"];

    /// <summary>The driver of <paramref name="kernel"/>'s own linux-source package.</summary>
    public static DriverSource Packaged(LinuxKernel kernel) =>
        new(kernel.DriverSource, kernel.SourceFfaHeader, $"linux-source-{LinuxKernel.Series} {kernel.Version}, drivers/firmware/arm_ffa");

    /// <summary>A kernel tree (with drivers/firmware/arm_ffa and include/linux/arm_ffa.h) or the driver's folder itself (with the running kernel's header).</summary>
    public static DriverSource Resolve(string path, string key, LinuxKernel kernel)
    {
        const string Accepted = "accepted: a kernel tree (with drivers/firmware/arm_ffa) or a drivers/firmware/arm_ffa folder";
        if (Directory.Exists(Path.Combine(path, "drivers", "firmware", "arm_ffa")))
        {
            var header = Path.Combine(path, "include", "linux", "arm_ffa.h");
            return Complete(new DriverSource(Path.Combine(path, "drivers", "firmware", "arm_ffa"), File.Exists(header) ? header : kernel.FfaHeader, $"kernel tree {path}"), key, path);
        }

        if (Directory.Exists(path))
        {
            return Complete(new DriverSource(path, kernel.FfaHeader, $"arm_ffa folder {path}"), key, path);
        }

        throw new TargetUnavailableException($"{key} = '{path}' does not exist; {Accepted}", skip: false);
    }

    /// <summary>The sources in build order, then the header: what the build's cache key and the report's SHA-256 cover.</summary>
    public IEnumerable<string> Inputs => Files.Select(f => Path.Combine(Folder, f)).Append(Header);

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(Inputs.Select(File.ReadAllText)))));

    private static DriverSource Complete(DriverSource source, string key, string path)
    {
        var absent = Files.Where(f => !File.Exists(Path.Combine(source.Folder, f))).ToArray();
        return absent.Length == 0
            ? source
            : throw new TargetUnavailableException($"{key} = '{path}': {source.Folder} lacks {string.Join(", ", absent)}; accepted: a kernel tree or a drivers/firmware/arm_ffa folder", skip: false);
    }
}
