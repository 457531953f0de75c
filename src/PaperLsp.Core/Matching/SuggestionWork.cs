namespace PaperLsp.Core.Matching;

/// <summary>What one did-you-mean query touched, for measuring (<see cref="TitleSuggester"/>): postings read, distinct titles touched, candidates whose trigrams were compared.</summary>
internal readonly record struct SuggestionWork(long PostingsWalked, int TitlesTouched, int CandidatesScored);
