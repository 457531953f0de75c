using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Fields;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>The diagnostics of a notes file, and of the collections, with the configured severities applied.</summary>
public static class DiagnosticsProvider
{
    private const int SuggestionCount = 3;

    private static readonly ConditionalWeakTable<NotesDocument, LocalDiagnostics> LocalByDocument = new();

    public static ImmutableArray<NotesDiagnostic> Compute(WorkspaceSnapshot snapshot, string path, CancellationToken cancellationToken = default) =>
        Compute(snapshot, path, giveWay: null, cancellationToken);

    /// <inheritdoc cref="Compute(WorkspaceSnapshot, string, CancellationToken)"/>
    /// <param name="giveWay">
    /// Called before each reference check the pass computes anew (a did-you-mean, milliseconds at a million papers); the
    /// caller may block in it while more urgent work runs. When given, those checks run on threads of their own (one per
    /// core), not the thread pool's, so a blocked check never holds a pool thread that work the caller waits for needs.
    /// </param>
    public static ImmutableArray<NotesDiagnostic> Compute(
        WorkspaceSnapshot snapshot, string path, Action<CancellationToken>? giveWay, CancellationToken cancellationToken = default)
    {
        var document = snapshot.GetDocument(path);
        if (document is null)
        {
            return ImmutableArray<NotesDiagnostic>.Empty;
        }

        var found = new List<NotesDiagnostic>(Local(snapshot, document, giveWay, cancellationToken));
        if (snapshot.PapersLoaded)
        {
            found.AddRange(DuplicateEntries(snapshot, document));
        }

        // The configured severity depends only on the code and the reported severity: looked up once per pair, and a
        // diagnostic is copied only when its severity changes (a large file has thousands of the same few codes).
        var severities = new Dictionary<(string Code, ProblemSeverity Reported), ProblemSeverity?>();
        var configured = new List<NotesDiagnostic>(found.Count);
        foreach (var diagnostic in found)
        {
            if (!severities.TryGetValue((diagnostic.Code, diagnostic.Severity), out var severity))
            {
                severity = DiagnosticCodes.EffectiveSeverity(diagnostic.Code, snapshot.Configuration, diagnostic.Severity);
                severities[(diagnostic.Code, diagnostic.Severity)] = severity;
            }

            if (severity is { } kept)
            {
                configured.Add(kept == diagnostic.Severity ? diagnostic : diagnostic with { Severity = kept });
            }
        }

        return configured
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Syntax errors, unknown references and field values of the document, reused while it and the index stay the same.</summary>
    private static ImmutableArray<NotesDiagnostic> Local(WorkspaceSnapshot snapshot, NotesDocument document, Action<CancellationToken>? giveWay, CancellationToken cancellationToken)
    {
        if (LocalByDocument.TryGetValue(document, out var known) && known.Papers == snapshot.Papers && known.PapersLoaded == snapshot.PapersLoaded)
        {
            return known.Found;
        }

        var tree = document.Syntax;
        var found = ImmutableArray.CreateBuilder<NotesDiagnostic>();
        found.AddRange(tree.Errors.Select(e => new NotesDiagnostic(e.Span, e.Code, DefaultSeverity(e.Code), e.Message)));
        if (snapshot.PapersLoaded)
        {
            var checks = ReferenceCheckCache.For(snapshot.Papers);
            CheckNewReferencesInParallel(snapshot.Papers, checks, tree.References, giveWay, cancellationToken);
            foreach (var reference in tree.References)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var diagnostic = CheckReference(snapshot.Papers, checks, reference);
                if (diagnostic is not null)
                {
                    found.Add(diagnostic);
                }
            }
        }

        foreach (var entry in tree.Entries)
        {
            foreach (var field in entry.Fields)
            {
                var problem = field.Value.Length == 0 ? null : FieldValueChecks.Validate(field.Name, field.Value);
                if (problem is not null)
                {
                    found.Add(new NotesDiagnostic(field.ValueSpan, "PN005", DefaultSeverity("PN005"), problem)
                    {
                        Suggestions = field.Name == KnownFields.Status ? ClosestStatus(field.Value) : Array.Empty<string>(),
                    });
                }
            }
        }

        var local = found.ToImmutable();
        LocalByDocument.AddOrUpdate(document, new LocalDiagnostics(snapshot.Papers, snapshot.PapersLoaded, local));
        return local;
    }

    /// <summary>The problems of every collection (and of the configuration), with the configured severities, 'off' removed.</summary>
    public static ImmutableArray<CollectionProblem> CollectionProblems(WorkspaceSnapshot snapshot) =>
        snapshot.Papers.Problems
            .Select(p => DiagnosticCodes.EffectiveSeverity(p.Code, snapshot.Configuration, p.Severity) is { } severity ? p with { Severity = severity } : null)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToImmutableArray();

    /// <summary>
    /// A file opened against a large collection may name many papers it does not have, and each needs its did-you-mean
    /// suggestions (milliseconds at a million papers): the checks no earlier pass made are computed on every core first,
    /// and the in-order pass that builds the diagnostics then finds them all in the cache. An edit, whose references are
    /// almost all checked already, stays on one thread.
    /// </summary>
    private static void CheckNewReferencesInParallel(
        PaperIndex papers, ReferenceCheckCache checks, IReadOnlyList<ReferenceSyntax> references, Action<CancellationToken>? giveWay, CancellationToken cancellationToken)
    {
        const int WorthParallel = 16;
        var notYetChecked = references
            .Where(reference => CheckedText(reference) is { } text && !checks.Contains(text.IsTitle, text.Text))
            .DistinctBy(CheckedText)
            .ToList();
        if (notYetChecked.Count < WorthParallel)
        {
            return;
        }

        if (giveWay is null)
        {
            Parallel.ForEach(
                notYetChecked,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                reference => CheckReference(papers, checks, reference));
            return;
        }

        // Each thread takes the next reference until none is left or the pass is cancelled.
        var next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < notYetChecked.Count; i = Interlocked.Increment(ref next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    giveWay(cancellationToken);
                    CheckReference(papers, checks, notYetChecked[i]);
                }
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(exception), null);
                Interlocked.Exchange(ref next, notYetChecked.Count);
            }
        }

        var threads = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, notYetChecked.Count))
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"Reference checks {i + 1}" })
            .ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        failure?.Throw();
    }

    /// <summary>What a reference is checked by: its title or its key, none for unterminated or empty references.</summary>
    private static (bool IsTitle, string Text)? CheckedText(ReferenceSyntax reference) => reference switch
    {
        TitleReferenceSyntax title when title.IsTerminated && !string.IsNullOrWhiteSpace(title.Title) => (true, title.Title),
        KeyReferenceSyntax key when key.Key.Length > 0 => (false, key.Key),
        _ => null,
    };

    private static NotesDiagnostic? CheckReference(PaperIndex papers, ReferenceCheckCache checks, ReferenceSyntax reference)
    {
        var check = CheckedText(reference) switch
        {
            (true, var title) => checks.GetOrAdd(true, title, (_, text) => CheckTitle(papers, text)),
            (false, var key) => checks.GetOrAdd(false, key, (_, text) => CheckKey(papers, text)),
            null => null,
        };
        return check is null ? null : new NotesDiagnostic(reference.Span, check.Code, check.Severity, check.Message) { Suggestions = check.Suggestions };
    }

    private static ReferenceCheck? CheckTitle(PaperIndex papers, string title)
    {
        if (papers.FindByTitle(title) is not null)
        {
            return null;
        }

        var closest = papers.ClosestTitles(title, SuggestionCount).Select(p => p.Title).ToArray();
        var message = $"Unknown paper \"{title.Trim()}\": no title in the collection matches it"
            + (closest.Length > 0 ? $". Did you mean \"{closest[0]}\"?" : ".");
        return new ReferenceCheck("PN001", DefaultSeverity("PN001"), message, closest);
    }

    private static ReferenceCheck? CheckKey(PaperIndex papers, string key)
    {
        if (papers.FindByKey(key) is not null)
        {
            return null;
        }

        var sameButCase = papers.KeysIgnoringCase(key);
        if (sameButCase.Count > 0)
        {
            return new ReferenceCheck(
                "PN002",
                DefaultSeverity("PN002"),
                $"Unknown citation key @{key}: keys are case-sensitive; did you mean @{sameButCase[0]}?",
                sameButCase.ToArray());
        }

        var similar = papers.SimilarKeys(key, SuggestionCount);
        var message = $"Unknown citation key @{key}: no paper of the collection has it"
            + (similar.Count > 0 ? $". Did you mean @{similar[0]}?" : ".");
        return new ReferenceCheck("PN002", DefaultSeverity("PN002"), message, similar);
    }

    /// <summary>PN006 on each entry of the document whose paper another entry of the workspace notes too.</summary>
    private static IEnumerable<NotesDiagnostic> DuplicateEntries(WorkspaceSnapshot snapshot, NotesDocument document)
    {
        // The snapshot's grouping already resolved every entry (once per snapshot, shared with hover and navigation).
        foreach (var group in snapshot.NotedPapers)
        {
            // A lookup's groups are collections: Count() is their size, not an enumeration.
            if (group.Count() < 2)
            {
                continue;
            }

            foreach (var noted in group)
            {
                if (noted.DocumentPath != document.Path)
                {
                    continue;
                }

                var entry = noted.Entry;
                var others = group.Where(n => !(n.DocumentPath == document.Path && n.Entry.Span == entry.Span)).ToArray();
                var where = string.Join(", ", others.Select(n => n.Describe(snapshot, document.Path)));
                var name = noted.Paper?.Title ?? (entry.Target is TitleReferenceSyntax t ? t.Title : ((KeyReferenceSyntax)entry.Target!).Key);
                yield return new NotesDiagnostic(entry.HeaderSpan, "PN006", DefaultSeverity("PN006"), $"\"{name}\" is noted more than once: also at {where}");
            }
        }
    }

    private static string[] ClosestStatus(string value) =>
        KnownFields.StatusValues
            .OrderBy(s => s.StartsWith(value.Trim().ToLowerInvariant(), StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(s => LevenshteinDistance(s, value.Trim().ToLowerInvariant()))
            .Take(1)
            .ToArray();

    private static int LevenshteinDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static ProblemSeverity DefaultSeverity(string code) => DiagnosticCodes.Find(code)?.DefaultSeverity ?? ProblemSeverity.Warning;
}
