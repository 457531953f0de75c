namespace PaperLsp.Core.Syntax;

/// <summary>A reference the grammar recognised, with the syntax error it carries (unterminated, empty), if any.</summary>
internal readonly record struct ParsedReference(ReferenceSyntax Reference, SyntaxError? Error);
