using System.Reflection;
using SpecGen.Cli.Commands;

namespace SpecGen.Cli;

/// <summary>The <c>specgen</c> command: dispatches a verb and turns its outcome into an exit code.</summary>
public static class SpecGenCommand
{
    /// <summary>Exit code: the command did what was asked and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the specs or pages have errors (printed), or nothing was written.</summary>
    public const int Failure = 1;

    /// <summary>Exit code: the command line itself is wrong (an unknown verb or option, a missing argument).</summary>
    public const int UsageError = 2;

    private const string Usage = """
        Usage: specgen <command> [options]

        Commands:
          import PAGE.txt... [-o DIR] [--force]
                 Writes the YAML spec of each reference page (text copied from the browser) into DIR
                 (default: the current folder), and a service.yaml when DIR has none.
          check [DIR] [--format text|json]
                 Prints the SPEC diagnostics of the specs under DIR (default: spec/, else the current
                 folder) as a build would; exit code 1 on any error.
          show FILE.yaml [--root DIR] [--namespace NS] [--root-namespace NS]
                 Prints the C# the generator emits for that spec file.
          openapi [DIR] [-o PATH] [--yaml] [--merge]
                 Writes an OpenAPI 3.0 document per service folder under DIR (or one for all with
                 --merge): <folder>.openapi.json in the current folder, or under PATH.
          diff OLD NEW [--format text|json|markdown] [--accepted FILE]
          diff --base GITREF [DIR] [--format text|json|markdown] [--accepted FILE]
                 Lists every change between two versions of the specs (folders or files, or DIR in the
                 working tree against a git revision), each judged breaking, warning or info for the
                 callers (docs/diff.md); exit code 1 when something breaks.
          serve [DIR] [--port N]
                 Serves the fake server of every service under DIR on loopback (service i on port N+i,
                 free ports without --port), checking each request against its spec and printing each
                 violation; Ctrl+C stops it.

        Options:
          -h, --help     Show this help.
          --version      Show the version.
        """;

    /// <summary>Runs one command line. Never throws for bad input: every problem is a message and an exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Count == 0 ? UsageError : Success;
        }

        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(SpecGenCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            return Success;
        }

        var context = new CommandContext(stdout, stderr, currentDirectory);
        IEnumerable<string> rest = args.Skip(1);
        try
        {
            return args[0] switch
            {
                "import" => ImportCommand.Run(rest, context),
                "check" => CheckCommand.Run(rest, context),
                "show" => ShowCommand.Run(rest, context),
                "openapi" => OpenApiCommand.Run(rest, context),
                "serve" => ServeCommand.Run(rest, context),
                "diff" => DiffCommand.Run(rest, context),
                _ => context.UsageError($"unknown command '{args[0]}'. Commands: import, check, show, openapi, diff, serve."),
            };
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"specgen: error: {ex.Message}");
            return Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"specgen: error: {ex.Message}");
            return Failure;
        }
    }
}

/// <summary>Where a command writes, and the folder its relative paths start from.</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, string CurrentDirectory)
{
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    public int UsageError(string message)
    {
        Error.WriteLine($"specgen: {message}");
        Error.WriteLine("Run 'specgen --help' for usage.");
        return SpecGenCommand.UsageError;
    }

    public int Fail(string message)
    {
        Error.WriteLine($"specgen: error: {message}");
        return SpecGenCommand.Failure;
    }
}
