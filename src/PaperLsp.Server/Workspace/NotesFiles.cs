using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Server.Workspace;

/// <summary>Notes files on disk that the editor has not open (finding them: <see cref="NotesDiscovery"/>).</summary>
public static class NotesFiles
{
    /// <summary>The file as a closed document, or null when it is not there (or cannot be read).</summary>
    public static NotesDocument? TryRead(string path)
    {
        if (!NotesDiscovery.IsNotesFile(path))
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
