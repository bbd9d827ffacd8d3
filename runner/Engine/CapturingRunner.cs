using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace FfaConformance.Runner.Engine;

/// <summary>An FsCheck runner that keeps the result as data instead of printing it.</summary>
internal sealed class CapturingRunner : IRunner
{
    public TestResult? Result { get; private set; }

    public void OnStartFixture(Type t)
    {
    }

    public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
    {
    }

    public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
    {
    }

    public void OnFinished(string name, TestResult testResult) => Result = testResult;
}
