using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Workspace;

public sealed class NotesDiscoveryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("paperlsp-notes-");

    [Fact]
    public void Finds_notes_in_sorted_order_skipping_tool_folders_and_links_to_folders()
    {
        Write("b.pnotes");
        Write("a/deep/c.pnotes");
        Write("a/readme.md");
        Write("node_modules/pkg/x.pnotes");
        Write(".git/y.pnotes");
        Write("bin/z.pnotes");
        // A link back to the root: following it would never end.
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "a", "loop"), _root.FullName);

        var found = NotesDiscovery.Find(_root.FullName).Select(f => Path.GetRelativePath(_root.FullName, f)).ToArray();

        Assert.Equal(["a/deep/c.pnotes", "b.pnotes"], found);
    }

    [Fact]
    public void A_folder_that_does_not_exist_has_no_notes()
    {
        Assert.Empty(NotesDiscovery.Find(Path.Combine(_root.FullName, "missing")));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void Write(string relative)
    {
        var full = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "# notes\n");
    }
}
