namespace PaperLsp.Core.Features.Completion;

public enum CompletionCandidateKind
{
    Title,
    Key,
    FieldName,
    FieldValue,
    Tag,
}
