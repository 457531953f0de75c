namespace PaperLsp.Server.Workspace;

/// <summary>A file's last write time and length, what tells the reloader a collection changed; Length -1 when it is missing.</summary>
public readonly record struct FileStamp(DateTime LastWriteTimeUtc, long Length)
{
    public static FileStamp Missing { get; } = new(DateTime.MinValue, -1);

    public bool Exists => Length >= 0;

    public static FileStamp Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : Missing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Missing;
        }
    }
}
