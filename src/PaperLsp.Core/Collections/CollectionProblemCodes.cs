namespace PaperLsp.Core.Collections;

/// <summary>The stable codes of collection problems (the PN01x rows of the diagnostic table).</summary>
public static class CollectionProblemCodes
{
    public const string MalformedEntry = "PN010";
    public const string DuplicateKey = "PN011";
    public const string UndefinedMacro = "PN012";
    public const string UnresolvedCrossref = "PN013";
    public const string MissingTitle = "PN014";
    public const string UnreadableFile = "PN015";
}
