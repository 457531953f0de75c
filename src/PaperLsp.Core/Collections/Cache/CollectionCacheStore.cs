using System.Collections.Immutable;
using System.IO.Hashing;
using Microsoft.Data.Sqlite;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// The SQLite file behind the collection cache. One row per collection file (path, length, mtime, content hash, the
/// problems) and its papers in chunks of <see cref="PapersPerChunk"/>, each a BLOB in <see cref="PaperChunkFormat"/>'s
/// form (blocks of papers in <see cref="CacheChunkWriter"/>'s form) with its own XxHash3, read back with one sequential
/// scan and kept as bytes, decoded a block at a time when a paper is first touched (<see cref="CachedPaperChunks"/>).
/// Next to the papers it keeps what <see cref="PaperIndex.Build"/> computes for the collection and what the index needs
/// without the papers: each paper's normalized title and each paper's key (one BLOB each, <see cref="CachedStrings"/>),
/// the collection's search index as one BLOB in <see cref="PaperSearchIndex.WriteTo"/>'s form, each with its own hash,
/// written in the same transaction as the papers, so a start from the cache redoes none of it and decodes no paper; and
/// the key and title tables built over those two lists (<see cref="Utf8Lookup.WriteTo"/>, one BLOB each), so that it
/// does not hash every key and title again either.
/// <para>
/// Trust: the file name and PRAGMA user_version carry <see cref="FormatVersion"/> (a mismatch drops everything); a file
/// that is not a database or is corrupt is deleted and recreated; a read checks the hash of every BLOB it returns (every
/// chunk's too, though its papers are decoded later), and any mismatch or impossible form turns the lookup into a miss.
/// WAL mode and a busy timeout let several servers share the file; a write is one transaction. Callers catch
/// <see cref="SqliteException"/>/<see cref="IOException"/> and fall back to parsing.
/// </para>
/// </summary>
internal sealed class CollectionCacheStore
{
    /// <summary>Bump when the binary form of papers or the schema changes.</summary>
    public const int FormatVersion = 7;

    /// <summary>
    /// The unit of a row and of a hash: large enough that a full read is a few hundred rows (100k papers) to a few
    /// thousand (1M); small enough that <c>paperlsp search</c>, which reads only the chunks holding its hits (the top 100
    /// fall in about as many chunks), reads a tenth of a 100k collection. What is decoded is smaller still: a block of
    /// <see cref="PaperChunkFormat.PapersPerBlock"/>. A multiple of it, so that blocks are numbered across chunks.
    /// </summary>
    public const int PapersPerChunk = 256;

    /// <summary>Far above what <see cref="PapersPerChunk"/> papers take; a larger size can only be damage.</summary>
    private const int MaxChunkBytes = 256 << 20;

    /// <summary><c>string_list.kind</c> of each paper's normalized title, and of each paper's key; <c>lookup_table.kind</c> of the tables over them.</summary>
    private const int TitlesKind = 0;
    private const int KeysKind = 1;

    /// <summary><c>lookup_table.kind</c> of the ignore-case table over the key table.</summary>
    private const int KeysIgnoringCaseKind = 2;

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    private CollectionCacheStore(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Opens (creating or rebuilding as needed) the cache database in <paramref name="directory"/>.</summary>
    public static CollectionCacheStore Open(string directory, Action<string> log)
    {
        Directory.CreateDirectory(directory);
        var store = new CollectionCacheStore(DatabasePathIn(directory));
        try
        {
            store.EnsureSchema();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            log($"Collection cache {store.DatabasePath} is damaged ({e.Message}); rebuilding it.");
            store.DeleteFiles();
            store.EnsureSchema();
        }

        return store;
    }

    /// <summary>The database file of this format version in the cache folder <paramref name="directory"/>.</summary>
    public static string DatabasePathIn(string directory) => Path.Combine(directory, $"collections-v{FormatVersion}.db");

    public static bool IsDamaged(SqliteException e) => e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    public CachedCollectionEntry? Find(string path)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, length, mtime, hash, paper_count, chunk_count, written_at FROM collection WHERE path = $path";
        command.Parameters.AddWithValue("$path", path);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var stamp = new CollectionFileStamp(reader.GetInt64(1), reader.GetInt64(2), unchecked((ulong)reader.GetInt64(3)));
        return new CachedCollectionEntry(reader.GetInt64(0), path, stamp, reader.GetInt32(4), reader.GetInt32(5), reader.GetInt64(6));
    }

    /// <summary>
    /// The cached result of <paramref name="entry"/>, its papers left as the chunks' bytes and decoded on first touch
    /// (<see cref="PaperList.OnDemand"/>), its titles and keys as bytes until first used. Everything is read, and every
    /// hash checked, here: throws <see cref="InvalidDataException"/> when any part is damaged, and nothing read later can be.
    /// </summary>
    public CollectionLoadResult Read(CachedCollectionEntry entry, CancellationToken cancellationToken = default)
    {
        // The search index (a third of the bytes) on a thread of its own, over a connection of its own: both reads check
        // that their snapshot holds the very write that was found.
        var searchRead = Task.Factory.StartNew(() => ReadSearchIndexAlone(entry), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return ReadWithSearch(entry, searchRead, cancellationToken);
        }
        catch
        {
            // Nothing outlives a failed read: the entry may be dropped next.
            ((IAsyncResult)searchRead).AsyncWaitHandle.WaitOne();
            throw;
        }
    }

    private PaperSearchIndex ReadSearchIndexAlone(CachedCollectionEntry entry)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        CheckWrite(connection, transaction, entry);
        return ReadSearchIndex(connection, transaction, entry);
    }

    private CollectionLoadResult ReadWithSearch(CachedCollectionEntry entry, Task<PaperSearchIndex> searchRead, CancellationToken cancellationToken)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        CheckWrite(connection, transaction, entry);
        var problems = ReadProblems(connection, transaction, entry);
        var titles = ReadStrings(connection, transaction, entry, TitlesKind);
        var keys = ReadStrings(connection, transaction, entry, KeysKind);
        if (titles.Count != entry.PaperCount || keys.Count != entry.PaperCount)
        {
            throw new InvalidDataException("Cached titles or keys are for another number of papers.");
        }

        var titleTable = ReadLookup(connection, transaction, entry, TitlesKind, titles);
        var keyTable = ReadLookup(connection, transaction, entry, KeysKind, keys);
        var keyIgnoreCaseTable = ReadLookup(connection, transaction, entry, KeysIgnoringCaseKind, keys, (stream, length) => Utf8IgnoreCaseLookup.ReadFrom(stream, length, keyTable));

        var blocks = new List<byte[]>((entry.PaperCount + PaperChunkFormat.PapersPerBlock - 1) / PaperChunkFormat.PapersPerBlock);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // The BLOB is not selected: a selected BLOB is read whole by each step, then copied out; read incrementally
            // (sqlite3_blob_read) it goes straight into the arrays that keep it. length() does not read it.
            command.CommandText = "SELECT ordinal, paper_count, hash, length(data), rowid FROM chunk WHERE collection_id = $id ORDER BY ordinal";
            command.Parameters.AddWithValue("$id", entry.Id);
            using var reader = command.ExecuteReader();
            var seen = 0;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ordinal = reader.GetInt32(0);
                // Every chunk but the last holds PapersPerChunk papers (Write): a paper's chunk is its position / PapersPerChunk.
                var chunkPaperCount = reader.GetInt32(1);
                if (ordinal != seen || ordinal >= entry.ChunkCount
                    || chunkPaperCount != Math.Min(PapersPerChunk, entry.PaperCount - (ordinal * PapersPerChunk)))
                {
                    throw new InvalidDataException("Cache chunks are missing, out of order or hold another number of papers.");
                }

                // Kept as bytes (half the decoded papers' memory), a block at a time, each decoded when first touched; the
                // hash and the blocks' lengths are checked now, so that damage makes this read a miss rather than a
                // failure after the index was served.
                ReadChunkBlocks(connection, reader.GetInt64(4), reader.GetInt64(3), chunkPaperCount, unchecked((ulong)reader.GetInt64(2)), blocks);

                seen++;
            }

            if (seen != entry.ChunkCount || entry.ChunkCount != (entry.PaperCount + PapersPerChunk - 1) / PapersPerChunk)
            {
                throw new InvalidDataException("Cache chunks are missing.");
            }
        }

        var search = searchRead.GetAwaiter().GetResult();
        var papers = PaperList.OnDemand(new CachedPaperChunks([.. blocks], entry.PaperCount, keys));
        return new CollectionLoadResult(entry.Path, papers, problems)
        {
            IndexParts = new CollectionIndexParts(papers, titles.List, keys.List, search) { KeyTable = keyTable, TitleTable = titleTable, KeyIgnoreCaseTable = keyIgnoreCaseTable },
        };
    }

    /// <summary>
    /// The papers <paramref name="rank"/> picks with the collection's cached search index, read without the rest: the
    /// index BLOB, then only the chunks that hold the hits, and of those only the blocks that hold them decoded. Ids are
    /// positions in the collection, as in <see cref="Read"/>. One read transaction, so the index and the chunks are of the
    /// same write. Throws <see cref="InvalidDataException"/> when any part read is damaged.
    /// </summary>
    public IReadOnlyList<(Paper Paper, int Score)> Search(CachedCollectionEntry entry, Func<PaperSearchIndex, IReadOnlyList<SearchHit>> rank)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        var search = ReadSearchIndex(connection, transaction, entry);
        var hits = rank(search);
        var papers = new Dictionary<int, Paper>(hits.Count);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT paper_count, hash, length(data), rowid FROM chunk WHERE collection_id = $id AND ordinal = $ordinal";
        command.Parameters.AddWithValue("$id", entry.Id);
        var ordinalParameter = command.Parameters.Add("$ordinal", SqliteType.Integer);
        CollectionFileVersion? lastVersion = null;
        foreach (var chunk in hits.Where(h => h.PaperId >= 0 && h.PaperId < entry.PaperCount).GroupBy(h => h.PaperId / PapersPerChunk))
        {
            // Every chunk but the last holds PapersPerChunk papers (Write); anything else is damage.
            var first = chunk.Key * PapersPerChunk;
            var chunkPaperCount = Math.Min(PapersPerChunk, entry.PaperCount - first);
            ordinalParameter.Value = chunk.Key;
            using var reader = command.ExecuteReader();
            if (!reader.Read() || reader.GetInt32(0) != chunkPaperCount)
            {
                throw new InvalidDataException("Cache chunk is missing or holds another number of papers.");
            }

            var blocks = new List<byte[]>(PapersPerChunk / PaperChunkFormat.PapersPerBlock);
            ReadChunkBlocks(connection, reader.GetInt64(3), reader.GetInt64(2), chunkPaperCount, unchecked((ulong)reader.GetInt64(1)), blocks);

            foreach (var block in chunk.GroupBy(h => (h.PaperId - first) / PaperChunkFormat.PapersPerBlock))
            {
                var blockFirst = first + (block.Key * PaperChunkFormat.PapersPerBlock);
                var decoded = new Paper[Math.Min(PaperChunkFormat.PapersPerBlock, chunkPaperCount - (block.Key * PaperChunkFormat.PapersPerBlock))];
                PaperChunkFormat.ReadBlock(blocks[block.Key], decoded, ref lastVersion);
                foreach (var hit in block)
                {
                    papers[hit.PaperId] = decoded[hit.PaperId - blockFirst];
                }
            }
        }

        return hits.Select(hit => papers.TryGetValue(hit.PaperId, out var paper)
            ? (paper, hit.Score)
            : throw new InvalidDataException("The cached search index names a paper the collection does not have.")).ToArray();
    }

    /// <summary>Replaces whatever is cached for the file with <paramref name="result"/>, in one transaction.</summary>
    public void Write(string path, CollectionFileStamp stamp, CollectionLoadResult result, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        Delete(connection, transaction, path);

        var problems = new CacheChunkWriter();
        problems.WriteInt(result.Problems.Length);
        foreach (var problem in result.Problems)
        {
            problems.WriteProblem(problem);
        }

        var problemBytes = problems.ToArray();
        var chunkCount = (result.Papers.Length + PapersPerChunk - 1) / PapersPerChunk;
        // What PaperIndex.Build and the search would compute for this collection, so a start from the cache skips it.
        var given = result.IndexParts is { } parts && parts.Fits(result) ? parts : null;
        IReadOnlyList<string> titles = given is not null ? given.NormalizedTitleList : PaperIndex.NormalizeTitleList(result.Papers);
        var search = given?.Search ?? PaperSearchIndex.ForPapers(result.Papers, titles);

        long id;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO collection (path, length, mtime, hash, paper_count, chunk_count, problems, problems_hash, written_at)
                VALUES ($path, $length, $mtime, $hash, $papers, $chunks, $problems, $problemsHash, $now);
                SELECT last_insert_rowid();
                """;
            insert.Parameters.AddWithValue("$path", path);
            insert.Parameters.AddWithValue("$length", stamp.Length);
            insert.Parameters.AddWithValue("$mtime", stamp.LastWriteTicks);
            insert.Parameters.AddWithValue("$hash", unchecked((long)stamp.ContentHash));
            insert.Parameters.AddWithValue("$papers", result.Papers.Length);
            insert.Parameters.AddWithValue("$chunks", chunkCount);
            insert.Parameters.AddWithValue("$problems", problemBytes);
            insert.Parameters.AddWithValue("$problemsHash", unchecked((long)XxHash3.HashToUInt64(problemBytes)));
            insert.Parameters.AddWithValue("$now", DateTime.UtcNow.Ticks);
            id = (long)insert.ExecuteScalar()!;
        }

        // The lists in their stored form (as a read gives them back), which the stored tables are built over.
        var titleList = CachedStrings.StoredList(titles);
        var keyList = CachedStrings.StoredList(
            given?.KeyTable is { HasIds: false } served && served.Strings.Count == result.Papers.Length ? served.Strings
            : given?.KeyList ?? (IReadOnlyList<string>)KeysOf(result.Papers));
        var titlesHash = WriteStrings(connection, transaction, id, TitlesKind, titleList);
        var keysHash = WriteStrings(connection, transaction, id, KeysKind, keyList);
        WriteLookups(connection, transaction, id, given, (titleList, titlesHash), (keyList, keysHash));

        // Each chunk is encoded into buffers reused for every chunk and copied into a BLOB of its size (zeroblob, then
        // incremental I/O): no array per chunk, so a million papers' write allocates little besides the key list.
        using var chunkInsert = connection.CreateCommand();
        chunkInsert.Transaction = transaction;
        chunkInsert.CommandText = """
            INSERT INTO chunk (collection_id, ordinal, paper_count, hash, data) VALUES ($id, $ordinal, $count, $hash, zeroblob($length));
            SELECT last_insert_rowid();
            """;
        var idParameter = chunkInsert.Parameters.Add("$id", SqliteType.Integer);
        var ordinalParameter = chunkInsert.Parameters.Add("$ordinal", SqliteType.Integer);
        var countParameter = chunkInsert.Parameters.Add("$count", SqliteType.Integer);
        var hashParameter = chunkInsert.Parameters.Add("$hash", SqliteType.Integer);
        var lengthParameter = chunkInsert.Parameters.Add("$length", SqliteType.Integer);
        idParameter.Value = id;
        var blocks = new CacheChunkWriter();
        var chunk = new CacheChunkWriter();
        for (var ordinal = 0; ordinal < chunkCount; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = ordinal * PapersPerChunk;
            var end = Math.Min(result.Papers.Length, start + PapersPerChunk);
            PaperChunkFormat.Write(result.Papers, start, end - start, blocks, chunk);
            ordinalParameter.Value = ordinal;
            countParameter.Value = end - start;
            hashParameter.Value = unchecked((long)XxHash3.HashToUInt64(chunk.WrittenSpan));
            lengthParameter.Value = chunk.Length;
            var rowid = (long)chunkInsert.ExecuteScalar()!;
            using var blob = new SqliteBlob(connection, "chunk", "data", rowid);
            blob.Write(chunk.WrittenSpan);
        }

        WriteSearchIndex(connection, transaction, id, search);

        transaction.Commit();
    }

    public void Remove(string path)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        Delete(connection, transaction, path);
        transaction.Commit();
    }

    /// <summary>Deletes the database and its WAL files (after damage); other processes keep their open handles.</summary>
    public void DeleteFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    /// <summary>Each paper's key, reading encoded papers without keeping them.</summary>
    private static string[] KeysOf(PaperList papers)
    {
        var source = papers.WithoutKeeping();
        var keys = new string[source.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = source[i].Key;
        }

        return keys;
    }

    /// <summary>
    /// Writes the title and key tables over the lists as stored: the ones the served index built when they are over these
    /// very lists (a cold start built them before "ready"), else built here.
    /// </summary>
    private static void WriteLookups(
        SqliteConnection connection, SqliteTransaction transaction, long id, CollectionIndexParts? given,
        (Utf8StringList List, ulong Hash) titles, (Utf8StringList List, ulong Hash) keys)
    {
        var titleTable = given?.TitleTable is { HasIds: false } servedTitles && ReferenceEquals(servedTitles.Strings, titles.List)
            ? servedTitles
            : Utf8Lookup.Build(titles.List, skipEmpty: true);
        var keyTable = given?.KeyTable is { HasIds: false } servedKeys && ReferenceEquals(servedKeys.Strings, keys.List)
            ? servedKeys
            : Utf8Lookup.Build(keys.List);
        var keyIgnoreCaseTable = given?.KeyIgnoreCaseTable is { } servedIgnoringCase && ReferenceEquals(servedIgnoringCase.Exact, keyTable)
            ? servedIgnoringCase
            : Utf8IgnoreCaseLookup.Build(keyTable);
        WriteLookup(connection, transaction, id, TitlesKind, titleTable.SerializedLength, titleTable.WriteTo, titles.Hash);
        WriteLookup(connection, transaction, id, KeysKind, keyTable.SerializedLength, keyTable.WriteTo, keys.Hash);
        WriteLookup(connection, transaction, id, KeysIgnoringCaseKind, keyIgnoreCaseTable.SerializedLength, keyIgnoreCaseTable.WriteTo, keys.Hash);
    }

    /// <summary>
    /// One table straight into its BLOB, as <see cref="WriteSearchIndex"/> does (a pass that only hashes first); its hash is
    /// seeded with the hash of the string list it is over, so a read takes it only over that very list.
    /// </summary>
    private static void WriteLookup(SqliteConnection connection, SqliteTransaction transaction, long id, int kind, long length, Action<Stream> write, ulong stringsHash)
    {
        ulong hash;
        using (var hashing = new HashingStream(Stream.Null, unchecked((long)stringsHash)))
        {
            write(hashing);
            hash = hashing.Position == length
                ? hashing.Hash
                : throw new InvalidOperationException("The lookup table wrote another length than it announced.");
        }

        using var blob = InsertBlobOfKind(connection, transaction, "lookup_table", id, kind, hash, length);
        write(blob);
    }

    /// <summary>
    /// Inserts the row of a part stored by kind (a string list, a lookup table) with a zeroed BLOB of
    /// <paramref name="length"/> bytes and opens that BLOB for writing, so the part is written straight into it.
    /// </summary>
    /// <param name="table">One of the schema's tables with a kind column: "string_list" or "lookup_table".</param>
    private static SqliteBlob InsertBlobOfKind(SqliteConnection connection, SqliteTransaction transaction, string table, long id, int kind, ulong hash, long length)
    {
        long rowid;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT INTO {table} (collection_id, kind, hash, data) VALUES ($id, $kind, $hash, zeroblob($length));
                SELECT last_insert_rowid();
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$hash", unchecked((long)hash));
            insert.Parameters.AddWithValue("$length", length);
            rowid = (long)insert.ExecuteScalar()!;
        }

        return new SqliteBlob(connection, table, "data", rowid);
    }

    /// <summary>
    /// The stored table of <paramref name="kind"/> over <paramref name="strings"/>, read straight into its arrays and hashed
    /// on the way (seeded with the list's hash, so a table built over other strings does not match); a missing row, a hash
    /// or a form that does not match (<see cref="Utf8Lookup.ReadFrom"/>) throws.
    /// </summary>
    private static Utf8Lookup ReadLookup(SqliteConnection connection, SqliteTransaction transaction, CachedCollectionEntry entry, int kind, CachedStrings strings) =>
        ReadLookup(connection, transaction, entry, kind, strings, (stream, length) => Utf8Lookup.ReadFrom(stream, length, strings.List));

    /// <summary>A stored table of <paramref name="kind"/> whose hash is seeded with that of <paramref name="strings"/>, read by <paramref name="read"/>.</summary>
    private static T ReadLookup<T>(SqliteConnection connection, SqliteTransaction transaction, CachedCollectionEntry entry, int kind, CachedStrings strings, Func<Stream, long, T> read)
    {
        var (storedHash, length, rowid) = FindBlobOfKind(connection, transaction, "lookup_table", entry, kind)
            ?? throw new InvalidDataException("Cached lookup table is missing.");
        using var stream = new HashingStream(new SqliteBlob(connection, "lookup_table", "data", rowid, readOnly: true), unchecked((long)strings.Hash));
        T table;
        try
        {
            table = read(stream, length);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("Cached lookup table is shorter than it says.");
        }

        // The form is checked before the hash, so a damaged size could not make it read far: the hash decides the rest.
        return stream.Position == length && stream.Hash == storedHash
            ? table
            : throw new InvalidDataException("Cached lookup table checksum does not match.");
    }

    /// <summary>
    /// Writes a string list straight into its BLOB, as <see cref="WriteSearchIndex"/> does: a first pass only hashes and
    /// counts, so no buffer of the whole list is made and the row is not updated after its BLOB is written.
    /// </summary>
    /// <returns>The list's hash.</returns>
    private static ulong WriteStrings(SqliteConnection connection, SqliteTransaction transaction, long id, int kind, IReadOnlyList<string> strings)
    {
        ulong hash;
        long length;
        using (var hashing = new HashingStream(Stream.Null))
        {
            length = CachedStrings.WriteTo(hashing, strings);
            hash = hashing.Hash;
        }

        using var blob = InsertBlobOfKind(connection, transaction, "string_list", id, kind, hash, length);
        if (CachedStrings.WriteTo(blob, strings) != length)
        {
            throw new InvalidOperationException("The string list wrote another length than it counted.");
        }

        return hash;
    }

    /// <summary>The cached string list of <paramref name="kind"/>; a missing row, a hash or a form that does not match throws.</summary>
    private static CachedStrings ReadStrings(SqliteConnection connection, SqliteTransaction transaction, CachedCollectionEntry entry, int kind)
    {
        // The BLOB read incrementally, straight into the array that keeps it (selected, it would be read into SQLite's
        // memory and then copied).
        var (storedHash, length, rowid) = FindBlobOfKind(connection, transaction, "string_list", entry, kind)
            ?? throw new InvalidDataException("Cached titles or keys are missing.");
        if (length is < 0 or > int.MaxValue)
        {
            throw new InvalidDataException("Cached titles or keys have an impossible size.");
        }

        var data = new byte[length];
        using (var blob = new SqliteBlob(connection, "string_list", "data", rowid, readOnly: true))
        {
            blob.ReadExactly(data);
        }

        return CachedStrings.Read(data, storedHash);
    }

    /// <summary>The stored hash, length and row of the part of <paramref name="kind"/> in <paramref name="table"/> ("string_list" or "lookup_table"); null when there is none.</summary>
    private static (ulong Hash, long Length, long RowId)? FindBlobOfKind(SqliteConnection connection, SqliteTransaction transaction, string table, CachedCollectionEntry entry, int kind)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT hash, length(data), rowid FROM {table} WHERE collection_id = $id AND kind = $kind";
        command.Parameters.AddWithValue("$id", entry.Id);
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (unchecked((ulong)reader.GetInt64(0)), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    /// <summary>
    /// Writes the search index straight into its BLOB (hundreds of MB at a million papers: no copy in memory), inside the
    /// caller's transaction. The hash is computed first, by a pass that only hashes: updating the row afterwards would make
    /// SQLite rewrite the whole BLOB.
    /// </summary>
    private static void WriteSearchIndex(SqliteConnection connection, SqliteTransaction transaction, long id, PaperSearchIndex search)
    {
        ulong hash;
        using (var hashing = new HashingStream(Stream.Null))
        {
            search.WriteTo(hashing);
            hash = hashing.Position == search.SerializedLength
                ? hashing.Hash
                : throw new InvalidOperationException("The search index wrote another length than it announced.");
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO search_index (collection_id, hash, data) VALUES ($id, $hash, zeroblob($length))";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$hash", unchecked((long)hash));
            insert.Parameters.AddWithValue("$length", search.SerializedLength);
            insert.ExecuteNonQuery();
        }

        using var blob = new SqliteBlob(connection, "search_index", "data", id);
        search.WriteTo(blob);
    }

    /// <summary>
    /// Appends the blocks of the chunk in row <paramref name="rowid"/> to <paramref name="blocks"/>, read incrementally
    /// from its BLOB; a size out of bounds, a hash or block lengths that do not match throw.
    /// </summary>
    private static void ReadChunkBlocks(SqliteConnection connection, long rowid, long length, int paperCount, ulong hash, List<byte[]> blocks)
    {
        if (length is < 0 or > MaxChunkBytes)
        {
            throw new InvalidDataException("Cache chunk has an impossible size.");
        }

        using var blob = new SqliteBlob(connection, "chunk", "data", rowid, readOnly: true);
        PaperChunkFormat.ReadBlocks(blob, length, paperCount, hash, blocks);
    }

    /// <summary>
    /// The collection's cached search index; damage (a missing row, a hash or a form that does not match, an index of
    /// another number of papers than the entry's) throws.
    /// </summary>
    private static PaperSearchIndex ReadSearchIndex(SqliteConnection connection, SqliteTransaction transaction, CachedCollectionEntry entry)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash, length(data) FROM search_index WHERE collection_id = $id";
        command.Parameters.AddWithValue("$id", entry.Id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException("Cached search index is missing.");
        }

        // Read straight into the index's arrays (tens of MB: no intermediate copy), hashed on the way; nothing read is
        // used unless the whole BLOB was read and its hash matches.
        var length = reader.GetInt64(1);
        using var stream = new HashingStream(new SqliteBlob(connection, "search_index", "data", entry.Id, readOnly: true));
        var search = PaperSearchIndex.ReadFrom(stream, length);
        if (stream.Position != length)
        {
            stream.CopyTo(Stream.Null);
            if (search is not null)
            {
                throw new InvalidDataException("Cached search index has trailing data.");
            }
        }

        if (stream.Hash != unchecked((ulong)reader.GetInt64(0)))
        {
            throw new InvalidDataException("Cached search index checksum does not match.");
        }

        if (search is null)
        {
            throw new InvalidDataException("Cached search index is not in the expected form.");
        }

        return search.Count == entry.PaperCount ? search : throw new InvalidDataException("Cached search index is for another number of papers.");
    }

    /// <summary>Throws unless the transaction sees the write <paramref name="entry"/> was found in (a rewrite may reuse its id).</summary>
    private static void CheckWrite(SqliteConnection connection, SqliteTransaction transaction, CachedCollectionEntry entry)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT written_at FROM collection WHERE id = $id AND path = $path";
        command.Parameters.AddWithValue("$id", entry.Id);
        command.Parameters.AddWithValue("$path", entry.Path);
        if (command.ExecuteScalar() is not long writtenAt || writtenAt != entry.WrittenAt)
        {
            throw new InvalidDataException("Cache entry was rewritten while it was read.");
        }
    }

    private static ImmutableArray<CollectionProblem> ReadProblems(SqliteConnection connection, SqliteTransaction transaction, CachedCollectionEntry entry)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT problems, problems_hash FROM collection WHERE id = $id";
        command.Parameters.AddWithValue("$id", entry.Id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException("Cache entry vanished.");
        }

        var bytes = reader.GetFieldValue<byte[]>(0);
        if (XxHash3.HashToUInt64(bytes) != unchecked((ulong)reader.GetInt64(1)))
        {
            throw new InvalidDataException("Cached problems checksum does not match.");
        }

        var problemReader = new CacheChunkReader(bytes);
        var count = problemReader.ReadCount();
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>(count);
        for (var i = 0; i < count; i++)
        {
            problems.Add(problemReader.ReadProblem());
        }

        return problemReader.AtEnd ? problems.MoveToImmutable() : throw new InvalidDataException("Cached problems have trailing data.");
    }

    private static void Delete(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM chunk WHERE collection_id IN (SELECT id FROM collection WHERE path = $path);
            DELETE FROM search_index WHERE collection_id IN (SELECT id FROM collection WHERE path = $path);
            DELETE FROM string_list WHERE collection_id IN (SELECT id FROM collection WHERE path = $path);
            DELETE FROM lookup_table WHERE collection_id IN (SELECT id FROM collection WHERE path = $path);
            DELETE FROM collection WHERE path = $path;
            """;
        command.Parameters.AddWithValue("$path", path);
        command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 2000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static long UserVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA user_version;";
        return Convert.ToInt64(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void EnsureSchema()
    {
        using var connection = Connect();
        using (var wal = connection.CreateCommand())
        {
            // Pages of 64 KB for a new file (an existing one keeps its size): a start reads hundreds of MB of BLOBs, each a
            // chain of overflow pages SQLite reads one at a time, and 16 times fewer of them took ~10 % less CPU at 1M
            // papers. Set before WAL mode, which fixes the page size of the file it creates.
            wal.CommandText = "PRAGMA page_size = 65536; PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        // The usual case reads the version without taking the write lock (another server may be writing for seconds).
        if (UserVersion(connection, null) == FormatVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        if (UserVersion(connection, transaction) == FormatVersion)
        {
            transaction.Commit();
            return;
        }

        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = $"""
            DROP TABLE IF EXISTS lookup_table;
            DROP TABLE IF EXISTS string_list;
            DROP TABLE IF EXISTS search_index;
            DROP TABLE IF EXISTS chunk;
            DROP TABLE IF EXISTS collection;
            CREATE TABLE collection (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                length INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                hash INTEGER NOT NULL,
                paper_count INTEGER NOT NULL,
                chunk_count INTEGER NOT NULL,
                problems BLOB NOT NULL,
                problems_hash INTEGER NOT NULL,
                written_at INTEGER NOT NULL);
            CREATE TABLE chunk (
                collection_id INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                paper_count INTEGER NOT NULL,
                hash INTEGER NOT NULL,
                data BLOB NOT NULL);
            CREATE UNIQUE INDEX chunk_order ON chunk (collection_id, ordinal);
            CREATE TABLE search_index (
                collection_id INTEGER PRIMARY KEY,
                hash INTEGER NOT NULL,
                data BLOB NOT NULL);
            CREATE TABLE string_list (
                collection_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                hash INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (collection_id, kind));
            CREATE TABLE lookup_table (
                collection_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                hash INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (collection_id, kind));
            PRAGMA user_version = {FormatVersion};
            """;
        create.ExecuteNonQuery();
        transaction.Commit();
    }
}
