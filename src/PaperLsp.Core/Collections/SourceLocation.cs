namespace PaperLsp.Core.Collections;

/// <summary>Where something was read from: a file and a 1-based line.</summary>
public readonly record struct SourceLocation(string FilePath, int Line)
{
    public override string ToString() => $"{FilePath}:{Line}";
}
