using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Tests.Bindings;

/// <summary>
/// A wrong binding gets one message naming the binding's key and what was found: a misspelt key, a source the tree
/// does not hold, an entry its sources do not define, one the glue calls with another signature, and a symbol the
/// sources need that the glue does not provide. The edk2 binding itself is the control: over the tree it builds.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class BindingErrorTests
{
    private static readonly string Tree = Edk2Tree.Root;

    private string work = string.Empty;

    [SetUp]
    public void SetUp() => work = Directory.CreateTempSubdirectory("ffa-binding-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(work, recursive: true);

    [Test]
    [Category("Fast")]
    public void AMisspeltKeyIsNamedWithTheKeysAccepted()
    {
        var text = File.ReadAllText(Path.Combine(Binding.Folder, "edk2", "binding.json")).Replace("\"Entries\"", "\"Entrys\"", StringComparison.Ordinal);

        var error = Assert.Throws<BindingException>(() => Binding.Parse("edk2", text, "binding.json"))!;

        Assert.That(error.Message, Does.StartWith("Bindings:edk2:Entrys is no key of a binding").And.Contain("accepted: Implementation, Sources"));
    }

    [Test]
    [Category("Fast")]
    public void AnUnknownReturnConventionIsNamed()
    {
        var text = File.ReadAllText(Path.Combine(Binding.Folder, "edk2", "binding.json")).Replace("\"efi-status\"", "\"efi\"", StringComparison.Ordinal);

        var error = Assert.Throws<BindingException>(() => Binding.Parse("edk2", text, "binding.json"))!;

        Assert.That(error.Message, Is.EqualTo("Bindings:edk2:Returns = 'efi' is no return convention; accepted: errno, efi-status"));
    }

    [Test]
    public void TheEdk2BindingBuildsOverTheTree()
    {
        var toolchain = Require();

        Assert.That(File.Exists(Host(Binding.Load("edk2"), Tree, toolchain)));
    }

    [Test]
    public void ASourceTheTreeDoesNotHoldIsNamed()
    {
        var binding = Binding.Load("edk2") with { Sources = ["MdeModulePkg/Library/ArmFfaLib/ArmFfaGone.c"] };

        var error = Assert.Throws<BindingException>(() => Host(binding, Tree, Require()))!;

        Assert.That(error.Message, Is.EqualTo($"Bindings:edk2:Sources[0] = 'MdeModulePkg/Library/ArmFfaLib/ArmFfaGone.c' is not in the tree {Tree}, and no patch or mail there creates ArmFfaGone.c"));
    }

    [Test]
    public void AnEntryTheSourcesDoNotDefineIsNamed()
    {
        var binding = Binding.Load("edk2");
        binding = binding with { Entries = new Dictionary<string, string>(binding.Entries) { ["Send"] = "ArmFfaLibMsgSendDirectRequest" } };

        var error = Assert.Throws<BindingException>(() => Host(binding, Tree, Require()))!;

        Assert.That(error.Message, Does.StartWith("Bindings:edk2:Entries.Send = 'ArmFfaLibMsgSendDirectRequest' is not defined by the binding's Sources"));
    }

    [Test]
    public void AnEntryWithAnotherSignatureIsNamed()
    {
        var tree = Edk2Tree.CopyTo(work);
        var header = Path.Combine(tree, "MdePkg", "Include", "Library", "ArmFfaLib.h");
        var text = File.ReadAllText(header).ReplaceLineEndings("\n");
        var declaration = "ArmFfaLibMsgSendDirectReq (\n  IN  UINT16               DestPartId,\n  IN  UINT32               Flags,";
        Assert.That(text, Does.Contain(declaration), "the header's declaration, as this test changes it");
        File.WriteAllText(header, text.Replace(declaration, "ArmFfaLibMsgSendDirectReq (\n  IN  UINT16               DestPartId,", StringComparison.Ordinal));
        var source = Path.Combine(tree, "MdeModulePkg", "Library", "ArmFfaLib", "ArmFfaCommon.c");
        File.WriteAllText(source, File.ReadAllText(source).ReplaceLineEndings("\n").Replace("  IN  UINT16               DestPartId,\n  IN  UINT32               Flags,\n  IN  OUT DIRECT_MSG_ARGS  *ImpDefArgs", "  IN  UINT16               DestPartId,\n  IN  OUT DIRECT_MSG_ARGS  *ImpDefArgs", StringComparison.Ordinal).Replace("FfaArgs.Arg2 = Flags;", "FfaArgs.Arg2 = 0;", StringComparison.Ordinal));

        var error = Assert.Throws<BindingException>(() => Host(Binding.Load("edk2"), tree, Require()))!;

        Assert.That(error.Message, Does.StartWith("Bindings:edk2:Entries.Send = 'ArmFfaLibMsgSendDirectReq' does not have the signature the glue calls it with:"));
    }

    [Test]
    public void ASymbolTheSourcesNeedThatNothingProvidesIsNamed()
    {
        // With the SVC conduit selected the library calls ArmCallSvc, which the glue does not give.
        var binding = Binding.Load("edk2");
        binding = binding with { Defines = new Dictionary<string, string>(binding.Defines) { ["_PCD_GET_MODE_BOOL_PcdFfaLibConduitSmc"] = "0" } };

        var error = Assert.Throws<BindingException>(() => Host(binding, Tree, Require()))!;

        Assert.That(error.Message, Is.EqualTo("the binding's Sources need ArmCallSvc, which Bindings:edk2:Provides does not list"));
    }

    [Test]
    public void AProvidedSymbolTheGlueDoesNotDefineIsNamed()
    {
        var binding = Binding.Load("edk2");
        binding = binding with { Provides = [.. binding.Provides, "ArmCallSvc"] };

        var error = Assert.Throws<BindingException>(() => Host(binding, Tree, Require()))!;

        Assert.That(error.Message, Is.EqualTo("Bindings:edk2:Provides lists ArmCallSvc, which the glue (glue.c) does not define"));
    }

    [Test]
    [Category("Fast")]
    public void AnOptionalEntryTheBindingDoesNotNameIsNamed()
    {
        var text = File.ReadAllText(Path.Combine(Binding.Folder, "uboot", "binding.json")).Replace("[ \"Send2\", \"Boot\" ]", "[ \"Send2\", \"Resume\" ]", StringComparison.Ordinal);

        var error = Assert.Throws<BindingException>(() => Binding.Parse("uboot", text, "binding.json"))!;

        Assert.That(error.Message, Is.EqualTo("Bindings:uboot:Optional lists Resume; accepted: entries of Entries other than Send (Send2, Boot, Probe)"));
    }

    [Test]
    public void ASingleFileCannotStandForSeveralSources()
    {
        var binding = Binding.Load("edk2") with { Sources = ["MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c", "MdeModulePkg/Library/ArmFfaLib/ArmFfaDxeLib.c"] };
        var file = Path.Combine(work, "ArmFfaCommon.c");
        File.WriteAllText(file, "int x;\n");

        var error = Assert.Throws<BindingException>(() => BindingSource.Read(binding, file))!;

        Assert.That(error.Message, Does.StartWith("Bindings:edk2:Sources lists 2 files, so a single .c file cannot stand for them"));
    }

    [Test]
    public void AnImplementationFromAPatchHasNoTreeForItsIncludes()
    {
        var patch = Path.Combine(work, "new.patch");
        File.WriteAllText(patch, "diff --git a/MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c b/MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c\nnew file mode 100644\n@@ -0,0 +1,1 @@\n+int x;\n");

        var error = Assert.Throws<BindingException>(() => Host(Binding.Load("edk2"), patch, Require()))!;

        Assert.That(error.Message, Does.StartWith($"Bindings:edk2:Includes names folders of a tree, and the source is ArmFfaCommon.c created by {patch}"));
    }

    /// <summary>A binding target that sets no Version negotiates what the binding says (edk2: 1.2); one that sets it keeps its own.</summary>
    [TestCase(null, "1.2")]
    [TestCase("1.1", "1.1")]
    public void ATargetWithoutAVersionTakesTheBindings(string? configured, string negotiated)
    {
        Require();

        using var target = Edk2Tree.Target(Tree, work, configured);

        Assert.That(target.Description.Version.ToString(), Is.EqualTo($"v{negotiated}"));
    }

    private static Toolchain Require() => Edk2Tree.Require();

    private string Host(Binding binding, string source, Toolchain toolchain) => BindingBuild.Host(binding, BindingSource.Read(binding, source), toolchain, work);
}
