using System.Text;

namespace PaperLsp.Server.Conversion;

/// <summary>
/// The one place where file URIs and file paths meet. Percent-encoding is decoded and produced per segment; a drive letter
/// (<c>file:///c%3A/x</c> or <c>file:///C:/x</c>) becomes <c>c:/x</c>-style paths (backslashes on Windows).
/// </summary>
public static class FileUri
{
    /// <summary>Paths compare case-insensitively on Windows and macOS, ordinally elsewhere.</summary>
    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The absolute path of a file URI, or null when the URI is not a file URI.</summary>
    public static string? ToPath(string uri)
    {
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = uri["file:".Length..];
        var authority = "";
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            authority = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? "/" : rest[slash..];
        }

        var query = rest.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        var path = Uri.UnescapeDataString(rest);
        if (path.Length >= 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':')
        {
            // /c:/dir -> c:/dir
            path = path[1..];
        }

        if (authority.Length > 0 && !authority.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            path = "//" + authority + path; // UNC share
        }

        if (OperatingSystem.IsWindows())
        {
            path = path.Replace('/', '\\');
        }

        return path;
    }

    /// <summary>A file URI for an absolute path, percent-encoding every segment as VS Code does.</summary>
    public static string FromPath(string path)
    {
        var normalized = path.Replace('\\', '/');
        var builder = new StringBuilder("file://");
        if (normalized.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = normalized.IndexOf('/', 2);
            builder.Append(slash < 0 ? normalized[2..] : normalized[2..slash]);
            normalized = slash < 0 ? "/" : normalized[slash..];
        }

        if (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':')
        {
            builder.Append('/').Append(char.ToLowerInvariant(normalized[0])).Append("%3A");
            normalized = normalized[2..];
        }

        var segments = normalized.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }
}
