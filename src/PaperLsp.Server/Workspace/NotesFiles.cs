using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Server.Workspace;

/// <summary>Notes files on disk: finding them under the workspace folders and reading the ones the editor has not open.</summary>
public static class NotesFiles
{
    public const string Extension = ".pnotes";

    public static bool IsNotesFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every *.pnotes under the folder, skipping the directories collection discovery skips.</summary>
    public static IEnumerable<string> Find(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            string[] files, directories;
            try
            {
                files = Directory.GetFiles(directory, "*" + Extension);
                directories = Directory.GetDirectories(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var child in directories)
            {
                if (!CollectionDiscovery.SkippedDirectories.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>The file as a closed document, or null when it is not there (or cannot be read).</summary>
    public static NotesDocument? TryRead(string path)
    {
        if (!IsNotesFile(path))
        {
            return null;
        }

        try
        {
            return File.Exists(path) ? NotesDocument.Create(path, SourceText.FromFile(path), null, isOpen: false) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
