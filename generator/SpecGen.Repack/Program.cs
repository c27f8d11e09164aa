using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SpecGen.Repack;

/// <summary>
/// Gives the YamlDotNet that ships inside the SpecGen package a private identity.
/// <para>
/// The .NET SDK keeps one analyzer file per file name (ResolvePackageFileConflicts runs over the
/// Analyzer items), so a <c>YamlDotNet.dll</c> beside the generator can lose to the copy of another
/// analyzer package, and the generator then runs against a YamlDotNet it was not built for
/// (MissingMethodException: Mark.Line is an int before 16.0, a long after). Renamed to
/// <c>SpecGen.YamlDotNet</c>, with the generator's reference retargeted, nothing can swap it.
/// </para>
/// Usage: <c>SpecGen.Repack --yaml YamlDotNet.dll --out DIR [--retarget ASSEMBLY.dll]...</c>
/// writes DIR/SpecGen.YamlDotNet.dll and each retargeted assembly (with its pdb) into DIR.
/// </summary>
internal static class Program
{
    public const string OriginalName = "YamlDotNet";
    public const string PrivateName = "SpecGen.YamlDotNet";

    private static int Main(string[] args)
    {
        string? yaml = null;
        string? output = null;
        var retarget = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw Usage($"'{args[i]}' needs a value");
            switch (args[i])
            {
                case "--yaml": yaml = value; break;
                case "--out": output = value; break;
                case "--retarget": retarget.Add(value); break;
                default: throw Usage($"unknown argument '{args[i]}'");
            }

            i++;
        }

        if (yaml is null || output is null)
        {
            throw Usage("--yaml and --out are required");
        }

        Directory.CreateDirectory(output);
        string renamed = Path.Combine(output, PrivateName + ".dll");
        Rename(yaml, renamed);
        Console.WriteLine($"SpecGen.Repack: {yaml} -> {renamed}");

        foreach (string assembly in retarget)
        {
            string target = Path.Combine(output, Path.GetFileName(assembly));
            int changed = Retarget(assembly, target);
            Console.WriteLine($"SpecGen.Repack: {assembly} -> {target} ({changed} reference(s) retargeted)");
        }

        Verify(output);
        return 0;
    }

    /// <summary>Writes YamlDotNet under the assembly and module name SpecGen.YamlDotNet, without its strong name.</summary>
    private static void Rename(string source, string target)
    {
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(source, new ReaderParameters { InMemory = true });
        if (assembly.Name.Name != OriginalName)
        {
            throw new InvalidOperationException($"{source} is '{assembly.Name.Name}', not {OriginalName}");
        }

        assembly.Name.Name = PrivateName;
        // The signature would no longer match the new name; an unsigned assembly loads everywhere an analyzer does.
        assembly.Name.PublicKey = [];
        assembly.Name.HasPublicKey = false;
        assembly.MainModule.Attributes &= ~ModuleAttributes.StrongNameSigned;
        assembly.MainModule.Name = PrivateName + ".dll";
        assembly.Write(target, new WriterParameters { DeterministicMvid = true });
    }

    /// <summary>Points every reference to YamlDotNet at SpecGen.YamlDotNet; copies the assembly unchanged when it has none.</summary>
    private static int Retarget(string source, string target)
    {
        string sourcePdb = Path.ChangeExtension(source, ".pdb");
        string targetPdb = Path.ChangeExtension(target, ".pdb");
        bool hasPdb = File.Exists(sourcePdb);

        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(source)));
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        var reader = new ReaderParameters { InMemory = true, ReadSymbols = hasPdb, AssemblyResolver = resolver };
        using (AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(source, reader))
        {
            int changed = 0;
            foreach (AssemblyNameReference reference in assembly.MainModule.AssemblyReferences)
            {
                if (reference.Name == OriginalName)
                {
                    reference.Name = PrivateName;
                    reference.PublicKeyToken = [];
                    reference.HasPublicKey = false;
                    changed++;
                }
            }

            if (changed > 0)
            {
                // Cecil's DeterministicMvid does not hold when it writes a pdb too: derive the new MVID from
                // the (deterministic) input instead, so that the same build always packs the same bytes.
                assembly.MainModule.Mvid = DerivedMvid(source);
                using var pdb = new MemoryStream();
                assembly.Write(target, new WriterParameters
                {
                    WriteSymbols = hasPdb,
                    SymbolWriterProvider = hasPdb ? new PortablePdbWriterProvider() : null,
                    SymbolStream = hasPdb ? pdb : null,
                });
                if (hasPdb)
                {
                    File.WriteAllBytes(targetPdb, pdb.ToArray());
                }

                return changed;
            }
        }

        File.Copy(source, target, overwrite: true);
        if (hasPdb)
        {
            File.Copy(sourcePdb, targetPdb, overwrite: true);
        }

        return 0;
    }

    private static Guid DerivedMvid(string source)
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(source));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Fails the pack when anything in the output still names YamlDotNet as an assembly.</summary>
    private static void Verify(string output)
    {
        foreach (string file in Directory.EnumerateFiles(output, "*.dll"))
        {
            using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(file, new ReaderParameters { InMemory = true });
            if (assembly.Name.Name == OriginalName)
            {
                throw new InvalidOperationException($"{file} is still named {OriginalName}");
            }

            foreach (AssemblyNameReference reference in assembly.MainModule.AssemblyReferences)
            {
                if (reference.Name == OriginalName)
                {
                    throw new InvalidOperationException($"{file} still references {OriginalName}");
                }
            }
        }
    }

    private static ArgumentException Usage(string problem)
        => new($"SpecGen.Repack: {problem}. Usage: SpecGen.Repack --yaml YamlDotNet.dll --out DIR [--retarget ASSEMBLY.dll]...");
}
