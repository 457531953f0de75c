using System.CommandLine;
using System.Runtime.CompilerServices;
using PaperLsp.Cli.Commands;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Server;

namespace PaperLsp.Cli;

/// <summary>The <c>paperlsp</c> command: serve (the language server), check, search, export.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        StartupTimeline.Mark("main");
        // `serve` is how every editor starts us: it skips building the command tree (tens of ms of a cold start).
        return IsServe(args) ? Serve(args, Console.Error, CancellationToken.None).GetAwaiter().GetResult() : Run(args, Console.Out, Console.Error);
    }

    /// <summary>Whether the arguments are exactly `serve` or `serve --stdio`, which need no parser.</summary>
    internal static bool IsServe(string[] args) =>
        args is ["serve"] or ["serve", "--stdio"];

    /// <summary>
    /// The server. The native (AOT) build has no dynamic code, which the server's JSON-RPC needs: it hands serve to the .NET
    /// build beside it. The constant false lets the AOT compiler drop the server from the native binary.
    /// </summary>
    private static Task<int> Serve(string[] args, TextWriter error, CancellationToken cancellationToken) =>
        RuntimeFeature.IsDynamicCodeSupported
            ? LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), LanguageServerOptions.Default with { CollectionCache = CollectionCacheSettings.FromEnvironment() }, cancellationToken)
            : Task.FromResult(ServeHandoff.Run(args, error));

    /// <summary>Runs the command line with the given output streams (tests call this directly).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var collections = new Option<string[]>("--collection", "-c")
        {
            Description = "A collection file (.bib, .json, .ris, .txt); repeat for several. Replaces the ones paperlsp.json names",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        var checkPaths = new Argument<string[]>("path") { Description = "Notes files or directories to search for *.pnotes (default: .)", Arity = ArgumentArity.ZeroOrMore };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 on any problem, warnings included" };
        var check = new Command("check", "Report the problems of notes files and their collections, compiler-style") { checkPaths, strict, format, collections };
        check.SetAction(result => Guard(error, () => CheckCommand.Run(
            result.GetValue(checkPaths) ?? [], result.GetValue(collections) ?? [], result.GetValue(strict), result.GetValue(format)!, output, error)));

        var query = new Argument<string>("query") { Description = "Words of a title, author names, a key or a year" };
        var limit = new Option<int>("--limit", "-n") { Description = "How many results", DefaultValueFactory = _ => 20 };
        var search = new Command("search", "Search the collection as completion does (fuzzy, ignoring case and accents)") { query, collections, limit, format };
        search.SetAction(result => Guard(error, () => SearchCommand.Run(
            result.GetValue(query) ?? string.Empty, result.GetValue(collections) ?? [], result.GetValue(limit), result.GetValue(format)!, output)));

        var exportFiles = new Argument<string[]>("file") { Description = "Collection files to export (default: the ones paperlsp.json names)", Arity = ArgumentArity.ZeroOrMore };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var export = new Command("export", "Write the collection as CSL-JSON (BibTeX, RIS or a listing to CSL-JSON)") { exportFiles, collections, outputFile };
        export.SetAction(result => Guard(error, () => ExportCommand.Run(
            [.. result.GetValue(exportFiles) ?? [], .. result.GetValue(collections) ?? []], result.GetValue(outputFile), output, error)));

        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over standard input and output (the default; accepted for editors that pass it)" };
        var serve = new Command("serve", "Run the language server over standard input and output") { stdio };
        serve.SetAction((_, cancellationToken) => Serve(args, error, cancellationToken));

        var root = new RootCommand("PaperLsp: a language server and command line for notes about research papers (*.pnotes)") { serve, check, search, export };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"paperlsp: {parseError.Message}");
            }

            error.WriteLine("Run 'paperlsp --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Guard(TextWriter error, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException e)
        {
            error.WriteLine($"paperlsp: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
