namespace PaperLsp.Core.Collections;

public enum ProblemSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}
