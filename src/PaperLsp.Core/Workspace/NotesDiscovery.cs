namespace PaperLsp.Core.Workspace;

/// <summary>
/// The notes files (*.pnotes) under a folder, for the server's workspace and for `paperlsp check`. It does not descend
/// into the folders collection discovery skips (.git, node_modules, bin, obj) nor follow links to folders (a link loop
/// would never end); a folder it cannot read is passed over.
/// </summary>
public static class NotesDiscovery
{
    public const string Extension = ".pnotes";

    public static bool IsNotesFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every notes file under <paramref name="folder"/>, in ordinal path order.</summary>
    public static IReadOnlyList<string> Find(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                found.AddRange(Directory.GetFiles(directory, "*" + Extension));
                foreach (var child in new DirectoryInfo(directory).EnumerateDirectories())
                {
                    if (!CollectionDiscovery.SkippedDirectories.Contains(child.Name) && !child.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        pending.Push(child.FullName);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable: its notes are not part of the workspace, as an editor would not show them either.
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
