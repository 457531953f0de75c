using System.Buffers;
using System.Text;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// Writes the compact binary form of cached papers and problems: 7-bit varints, UTF-8 strings prefixed by length + 1
/// (0 is null), and "pooled" strings for values that repeat within a chunk (years, venues, authors, entry types, file
/// paths): a tag 0 = null, 1 = a new string follows, k + 2 = the k-th string seen before. <see cref="CacheChunkReader"/>
/// is the mirror image.
/// </summary>
internal sealed class CacheChunkWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Dictionary<string, int> _pool = new(StringComparer.Ordinal);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Forgets what was written (and the pooled strings), keeping the buffer.</summary>
    public void Clear()
    {
        _buffer.ResetWrittenCount();
        _pool.Clear();
    }

    /// <summary>Forgets the pooled strings only: what follows is written as if nothing was written before it.</summary>
    public void ForgetPooled() => _pool.Clear();

    /// <summary>Appends bytes as they are (no length).</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void WriteVarint(ulong value) => _buffer.Advance(Varint.Write(_buffer.GetSpan(10), value));

    public void WriteInt(int value) => WriteVarint((ulong)(uint)value);

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteVarint(0);
            return;
        }

        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)byteCount + 1);
        var written = Encoding.UTF8.GetBytes(value, _buffer.GetSpan(byteCount));
        _buffer.Advance(written);
    }

    public void WritePooled(string? value)
    {
        if (value is null)
        {
            WriteVarint(0);
        }
        else if (_pool.TryGetValue(value, out var index))
        {
            WriteVarint((ulong)index + 2);
        }
        else
        {
            _pool[value] = _pool.Count;
            WriteVarint(1);
            WriteString(value);
        }
    }

    public void WritePaper(Paper paper)
    {
        WriteString(paper.Key);
        WriteString(paper.Title);
        WriteInt(paper.Authors.IsDefault ? 0 : paper.Authors.Length);
        if (!paper.Authors.IsDefault)
        {
            foreach (var author in paper.Authors)
            {
                WritePooled(author);
            }
        }

        WritePooled(paper.Year);
        WritePooled(paper.Venue);
        WriteAbstract(paper.Abstract);
        WriteString(paper.Doi);
        WriteString(paper.Url);
        WriteString(paper.ArxivId);
        WritePooled(paper.EntryType);
        WriteVarint(paper.KeyIsGenerated ? 1UL : 0UL);
        WriteLocation(paper.Source);
        WriteInt(paper.OtherSources.IsDefault ? 0 : paper.OtherSources.Length);
        if (!paper.OtherSources.IsDefault)
        {
            foreach (var location in paper.OtherSources)
            {
                WriteLocation(location);
            }
        }

        WriteInt(paper.OtherKeys.IsDefault ? 0 : paper.OtherKeys.Length);
        if (!paper.OtherKeys.IsDefault)
        {
            foreach (var key in paper.OtherKeys)
            {
                WriteString(key);
            }
        }
    }

    public void WriteProblem(CollectionProblem problem)
    {
        WritePooled(problem.FilePath);
        WriteInt(problem.Line);
        WriteInt(problem.Column);
        WritePooled(problem.Code);
        WriteString(problem.Message);
        WriteInt((int)problem.Severity);
    }

    /// <summary>Tag 0 = none, 1 = text, 2 = a .bib abstract left in its file, 3 = a listing's abstract left in its file (the
    /// reference, never the text).</summary>
    private void WriteAbstract(PaperAbstract? value)
    {
        switch (value)
        {
            case null:
                WriteVarint(0);
                break;
            case InlineAbstract inline:
                WriteVarint(1);
                WriteString(inline.Text);
                break;
            case BibTexFileAbstract inFile:
                WriteVarint(2);
                WriteAbstractPlace(inFile.File, inFile.Offset, inFile.Length, inFile.Checksum);
                break;
            case ListingFileAbstract inListing:
                WriteVarint(3);
                WriteAbstractPlace(inListing.File, inListing.Offset, inListing.Length, inListing.Checksum);
                break;
            default:
                throw new InvalidOperationException($"Unknown kind of abstract: {value.GetType().Name}.");
        }
    }

    private void WriteAbstractPlace(CollectionFileVersion file, long offset, int length, ulong checksum)
    {
        WritePooled(file.Path);
        WriteVarint((ulong)file.Length);
        WriteVarint((ulong)file.LastWriteTicks);
        WriteVarint((ulong)offset);
        WriteInt(length);
        WriteVarint(checksum);
    }

    private void WriteLocation(SourceLocation location)
    {
        WritePooled(location.FilePath);
        WriteInt(location.Line);
    }
}
