using System;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// `dotnet test` sent SIGTERM exits with status 0: the SDK registers a SIGTERM handler that calls
/// Environment.Exit(0), so a lab script that stops a run would take it for a green one. Run inside `dotnet test`
/// (see Directory.Build.targets), this task registers a handler of its own, which .NET runs before the SDK's (the
/// newest first), that exits with 143 — 128 + SIGTERM, as a shell reports a process the signal ended. The test host
/// follows (its lifeline sees `dotnet test` gone) and the run's outputs keep saying that nothing unchecked passed.
/// Compiled by MSBuild against netstandard, which lacks PosixSignalRegistration: it is reached by reflection, and
/// where it is not there the task does nothing.
/// </summary>
public sealed class SigtermExitsNonZero : Task
{
    private const int Sigterm = -4;
    private const int ExitCode = 128 + 15;
    private static object registration;

    public override bool Execute()
    {
        var args = Environment.GetCommandLineArgs();
        if (registration != null || !args.Skip(1).Take(1).Contains("test"))
        {
            return true;
        }

        var assembly = "System.Runtime.InteropServices";
        var signal = Type.GetType($"System.Runtime.InteropServices.PosixSignal, {assembly}");
        var context = Type.GetType($"System.Runtime.InteropServices.PosixSignalContext, {assembly}");
        var create = Type.GetType($"System.Runtime.InteropServices.PosixSignalRegistration, {assembly}")?.GetMethod("Create");
        if (signal == null || context == null || create == null)
        {
            Log.LogMessage(MessageImportance.Low, "SigtermExitsNonZero: this runtime has no PosixSignalRegistration; SIGTERM keeps the SDK's exit status");
            return true;
        }

        var handler = Delegate.CreateDelegate(typeof(Action<>).MakeGenericType(context), typeof(SigtermExitsNonZero).GetMethod(nameof(Stopped), BindingFlags.NonPublic | BindingFlags.Static));
        registration = create.Invoke(null, new[] { Enum.ToObject(signal, Sigterm), handler });
        return true;
    }

    private static void Stopped(object context) => Environment.Exit(ExitCode);
}
