namespace PaperLsp.Core.Features.Outline;

public enum OutlineSymbolKind
{
    Heading,
    Entry,
    Field,
}
