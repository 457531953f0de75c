using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Workspace;

/// <summary>Which files are collections, on a real temporary directory: configured paths and globs, or the defaults.</summary>
public sealed class CollectionDiscoveryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("paperlsp-discovery-");

    public CollectionDiscoveryTests()
    {
        foreach (var file in new[]
        {
            "refs.bib", "library.csl.json", "library.json", "papers.txt", "notes.pnotes",
            "bib/a.bib", "bib/deep/b.bib", "bib/deep/c.BIB",
            ".git/stash.bib", "node_modules/pkg/x.bib", "bin/Debug/y.bib", "obj/z.csl.json", "sub/obj/w.bib", "sub/keep.bib",
        })
        {
            var path = Path.Combine(_root.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }
    }

    [Fact]
    public void Default_is_every_bib_and_csl_json_outside_skipped_folders() => Check(
        PaperLspConfiguration.Empty,
        """
        bib/a.bib
        bib/deep/b.bib
        library.csl.json
        refs.bib
        sub/keep.bib
        """);

    [Fact]
    public void Configured_paths_and_globs() => Check(
        Configured("refs.bib", "library.json", "bib/**/*.bib", "missing.ris"),
        """
        refs.bib
        library.json
        bib/a.bib
        bib/deep/b.bib
        missing.ris
        """);

    [Fact]
    public void Glob_at_the_root() => Check(
        Configured("*.txt"),
        """
        papers.txt
        """);

    [Fact]
    public void Same_file_twice_is_listed_once() => Check(
        Configured("refs.bib", "./refs.bib", "*.bib"),
        """
        refs.bib
        """);

    [Fact]
    public void The_default_discovery_picks_bib_and_csl_json_files_only()
    {
        Assert.True(CollectionDiscovery.IsDefaultCollection("/x/refs.BIB"));
        Assert.True(CollectionDiscovery.IsDefaultCollection("/x/a.csl.json"));
        Assert.False(CollectionDiscovery.IsDefaultCollection("/x/a.ris"));
        Assert.False(CollectionDiscovery.IsDefaultCollection("/x/package.json"));
        Assert.False(CollectionDiscovery.IsDefaultCollection("/x/notes.pnotes"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private PaperLspConfiguration Configured(params string[] collections) =>
        PaperLspConfiguration.Empty with { BaseDirectory = _root.FullName, Collections = [.. collections] };

    private void Check(PaperLspConfiguration configuration, string expected)
    {
        var found = CollectionDiscovery.Find(configuration, _root.FullName)
            .Select(p => Path.GetRelativePath(_root.FullName, p).Replace('\\', '/'));
        Assert.Equal(expected, string.Join("\n", found));
    }
}
