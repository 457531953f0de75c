namespace PaperLsp.Server.Conversion;

/// <summary>The negotiated position encoding: LSP's default utf-16, or utf-8 when the client offers it.</summary>
public enum PositionEncoding
{
    Utf16,
    Utf8,
}
