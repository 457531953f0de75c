using System.Buffers;
using System.Collections.Immutable;
using System.IO.Hashing;
using Microsoft.Data.Sqlite;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// The SQLite file behind the collection cache. One row per collection file (path, length, mtime, content hash, the
/// problems) and its papers in chunks of <see cref="PapersPerChunk"/>, each a BLOB in the compact binary form of
/// <see cref="CacheChunkWriter"/> with its own XxHash3, read back with one sequential scan and decoded in parallel.
/// Next to the papers it keeps what <see cref="PaperIndex.Build"/> computes for the collection (each paper's normalized
/// title in the chunks, the collection's search index as one BLOB in <see cref="PaperSearchIndex.WriteTo"/>'s form with
/// its own hash), written in the same transaction as the papers, so a start from the cache redoes none of it.
/// <para>
/// Trust: the file name and PRAGMA user_version carry <see cref="FormatVersion"/> (a mismatch drops everything); a file
/// that is not a database or is corrupt is deleted and recreated; a chunk whose hash does not match, or that does not
/// decode, turns the lookup into a miss. WAL mode and a busy timeout let several servers share the file; a write is one
/// transaction. Callers catch <see cref="SqliteException"/>/<see cref="IOException"/> and fall back to parsing.
/// </para>
/// </summary>
internal sealed class CollectionCacheStore
{
    /// <summary>Bump when the binary form of papers or the schema changes.</summary>
    public const int FormatVersion = 5;

    /// <summary>
    /// Small enough that <c>paperlsp search</c>, which decodes only the chunks holding its hits (the top 100 fall in
    /// about as many chunks), decodes a tenth of a 100k collection instead of all of it; large enough that a full read
    /// is a few hundred rows (100k papers) to a few thousand (1M).
    /// </summary>
    public const int PapersPerChunk = 256;

    /// <summary>Far above what <see cref="PapersPerChunk"/> papers take; a larger size can only be damage.</summary>
    private const int MaxChunkBytes = 256 << 20;

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
        var store = new CollectionCacheStore(Path.Combine(directory, $"collections-v{FormatVersion}.db"));
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

    public static bool IsDamaged(SqliteException e) => e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    public CachedCollectionEntry? Find(string path)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, length, mtime, hash, paper_count, chunk_count FROM collection WHERE path = $path";
        command.Parameters.AddWithValue("$path", path);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var stamp = new CollectionFileStamp(reader.GetInt64(1), reader.GetInt64(2), unchecked((ulong)reader.GetInt64(3)));
        return new CachedCollectionEntry(reader.GetInt64(0), path, stamp, reader.GetInt32(4), reader.GetInt32(5));
    }

    /// <summary>The cached result of <paramref name="entry"/>; throws <see cref="InvalidDataException"/> when any part is damaged.</summary>
    public CollectionLoadResult Read(CachedCollectionEntry entry, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        var problems = ReadProblems(connection, transaction, entry);

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The BLOB is not selected: a selected BLOB is read whole by each step, and read a second time by the incremental
        // read (sqlite3_blob_read) into a buffer of ours that follows. length() does not read it.
        command.CommandText = "SELECT ordinal, paper_count, hash, length(data), rowid FROM chunk WHERE collection_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", entry.Id);
        using var reader = command.ExecuteReader();

        var chunks = new Paper[entry.ChunkCount][];
        var titles = new string[entry.PaperCount];
        var decoding = new List<Task>(entry.ChunkCount);
        var firstPaper = 0;
        using var slots = new SemaphoreSlim(Environment.ProcessorCount + 1);
        var seen = 0;
        PaperSearchIndex search;
        try
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ordinal = reader.GetInt32(0);
                var paperCount = reader.GetInt32(1);
                var hash = unchecked((ulong)reader.GetInt64(2));
                if (ordinal != seen || ordinal >= chunks.Length || paperCount < 0 || paperCount > PapersPerChunk)
                {
                    throw new InvalidDataException("Cache chunks are missing or out of order.");
                }

                seen++;
                var start = firstPaper;
                firstPaper += paperCount;
                if (firstPaper > titles.Length)
                {
                    throw new InvalidDataException("Cache chunks hold more papers than the collection.");
                }

                var length = reader.GetInt64(3);
                if (length is < 0 or > MaxChunkBytes)
                {
                    throw new InvalidDataException("Cache chunk has an impossible size.");
                }

                // Caller runs: with every slot taken this thread decodes the chunk itself instead of waiting. Waiting would
                // depend on the thread pool having a free thread for the queued chunks, and in the server (load on a pool
                // thread, stdin once on another, 2 cores) the pool had none: the queued chunks waited ~0.5-1 s for the pool
                // to add a thread, the 2x gap between a cached start over stdio and the same read in process.
                var queued = slots.Wait(0, cancellationToken);
                // Chunks are a few hundred KB: a fresh array each would be a large-object allocation, and a start from the
                // cache would pay for gen-2 collections. At most ProcessorCount + 2 are in use at once; they come from the pool.
                var data = ArrayPool<byte>.Shared.Rent((int)length);
                try
                {
                    using var blob = new SqliteBlob(connection, "chunk", "data", reader.GetInt64(4), readOnly: true);
                    blob.ReadExactly(data, 0, (int)length);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(data);
                    if (queued)
                    {
                        slots.Release();
                    }

                    throw;
                }

                if (!queued)
                {
                    try
                    {
                        chunks[ordinal] = DecodeChunk(data.AsSpan(0, (int)length), hash, titles.AsSpan(start, paperCount));
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(data);
                    }

                    continue;
                }

                decoding.Add(Task.Run(() =>
                {
                    try
                    {
                        chunks[ordinal] = DecodeChunk(data.AsSpan(0, (int)length), hash, titles.AsSpan(start, paperCount));
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(data);
                        slots.Release();
                    }
                }, CancellationToken.None));
            }

            reader.Close();
            // Read while the chunks decode: the copy out of SQLite and into the index's arrays is memory bandwidth, not CPU.
            search = ReadSearchIndex(connection, transaction, entry);
        }
        finally
        {
            // Damage or not, no decoding task may outlive this method (they use the semaphore and pooled buffers).
            Task.WaitAll(decoding);
        }

        if (seen != entry.ChunkCount)
        {
            throw new InvalidDataException("Cache chunks are missing.");
        }

        var papers = ImmutableArray.CreateBuilder<Paper>(entry.PaperCount);
        foreach (var chunk in chunks)
        {
            papers.AddRange(chunk);
        }

        if (papers.Count != entry.PaperCount)
        {
            throw new InvalidDataException("Cache paper count does not match.");
        }

        var paperArray = papers.MoveToImmutable();
        return new CollectionLoadResult(entry.Path, paperArray, problems)
        {
            IndexParts = search.Count == paperArray.Length
                ? new CollectionIndexParts(paperArray, titles, search)
                : throw new InvalidDataException("Cached search index is for another number of papers."),
        };
    }

    /// <summary>
    /// The papers <paramref name="rank"/> picks with the collection's cached search index, read without the rest: the
    /// index BLOB, then only the chunks that hold the hits, each decoded up to its last hit. Ids are positions in the
    /// collection, as in <see cref="Read"/>. One read transaction, so the index and the chunks are of the same write.
    /// Throws <see cref="InvalidDataException"/> when any part read is damaged.
    /// </summary>
    public IReadOnlyList<(Paper Paper, int Score)> Search(CachedCollectionEntry entry, Func<PaperSearchIndex, IReadOnlyList<SearchHit>> rank)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        var search = ReadSearchIndex(connection, transaction, entry);
        if (search.Count != entry.PaperCount)
        {
            throw new InvalidDataException("Cached search index is for another number of papers.");
        }

        var hits = rank(search);
        var papers = new Dictionary<int, Paper>(hits.Count);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT paper_count, hash, length(data), rowid FROM chunk WHERE collection_id = $id AND ordinal = $ordinal";
        command.Parameters.AddWithValue("$id", entry.Id);
        var ordinalParameter = command.Parameters.Add("$ordinal", SqliteType.Integer);
        foreach (var chunk in hits.Where(h => h.PaperId >= 0 && h.PaperId < entry.PaperCount).GroupBy(h => h.PaperId / PapersPerChunk))
        {
            // Every chunk but the last holds PapersPerChunk papers (Write); anything else is damage.
            var first = chunk.Key * PapersPerChunk;
            ordinalParameter.Value = chunk.Key;
            using var reader = command.ExecuteReader();
            if (!reader.Read() || reader.GetInt32(0) != Math.Min(PapersPerChunk, entry.PaperCount - first))
            {
                throw new InvalidDataException("Cache chunk is missing or holds another number of papers.");
            }

            var length = reader.GetInt64(2);
            if (length is < 0 or > MaxChunkBytes)
            {
                throw new InvalidDataException("Cache chunk has an impossible size.");
            }

            var data = new byte[length];
            using (var blob = new SqliteBlob(connection, "chunk", "data", reader.GetInt64(3), readOnly: true))
            {
                blob.ReadExactly(data);
            }

            var decoded = DecodeChunkPrefix(data, unchecked((ulong)reader.GetInt64(1)), chunk.Max(h => h.PaperId) - first + 1);
            foreach (var hit in chunk)
            {
                papers[hit.PaperId] = decoded[hit.PaperId - first];
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
        var titles = result.IndexParts is { } parts && parts.Fits(result) ? parts.NormalizedTitles : PaperIndex.NormalizeTitles(result.Papers);
        var search = result.IndexParts is { Search: { } built } prebuilt && prebuilt.Fits(result) ? built : PaperSearchIndex.ForPapers(result.Papers, titles);

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

        using var chunkInsert = connection.CreateCommand();
        chunkInsert.Transaction = transaction;
        chunkInsert.CommandText = "INSERT INTO chunk (collection_id, ordinal, paper_count, hash, data) VALUES ($id, $ordinal, $count, $hash, $data)";
        var idParameter = chunkInsert.Parameters.Add("$id", SqliteType.Integer);
        var ordinalParameter = chunkInsert.Parameters.Add("$ordinal", SqliteType.Integer);
        var countParameter = chunkInsert.Parameters.Add("$count", SqliteType.Integer);
        var hashParameter = chunkInsert.Parameters.Add("$hash", SqliteType.Integer);
        var dataParameter = chunkInsert.Parameters.Add("$data", SqliteType.Blob);
        idParameter.Value = id;
        for (var ordinal = 0; ordinal < chunkCount; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var writer = new CacheChunkWriter();
            var start = ordinal * PapersPerChunk;
            var end = Math.Min(result.Papers.Length, start + PapersPerChunk);
            for (var i = start; i < end; i++)
            {
                writer.WritePaper(result.Papers[i]);
                writer.WriteString(titles[i]);
            }

            var data = writer.ToArray();
            ordinalParameter.Value = ordinal;
            countParameter.Value = end - start;
            hashParameter.Value = unchecked((long)XxHash3.HashToUInt64(data));
            dataParameter.Value = data;
            chunkInsert.ExecuteNonQuery();
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Paper[] DecodeChunk(ReadOnlySpan<byte> data, ulong expectedHash, Span<string> titles)
    {
        var paperCount = titles.Length;
        if (XxHash3.HashToUInt64(data) != expectedHash)
        {
            throw new InvalidDataException("Cache chunk checksum does not match.");
        }

        var reader = new CacheChunkReader(data);
        var papers = new Paper[paperCount];
        for (var i = 0; i < paperCount; i++)
        {
            papers[i] = reader.ReadPaper();
            titles[i] = reader.ReadString() ?? throw new InvalidDataException("Cached paper without a normalized title.");
        }

        return reader.AtEnd ? papers : throw new InvalidDataException("Cache chunk has trailing data.");
    }

    /// <summary>The first <paramref name="count"/> papers of a chunk whose whole hash is checked first; the rest is not decoded.</summary>
    private static Paper[] DecodeChunkPrefix(ReadOnlySpan<byte> data, ulong expectedHash, int count)
    {
        if (XxHash3.HashToUInt64(data) != expectedHash)
        {
            throw new InvalidDataException("Cache chunk checksum does not match.");
        }

        var reader = new CacheChunkReader(data);
        var papers = new Paper[count];
        for (var i = 0; i < count; i++)
        {
            papers[i] = reader.ReadPaper();
            _ = reader.ReadString() ?? throw new InvalidDataException("Cached paper without a normalized title.");
        }

        return papers;
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

    /// <summary>The collection's cached search index; damage (a missing row, a hash or a form that does not match) throws.</summary>
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

        return search ?? throw new InvalidDataException("Cached search index is not in the expected form.");
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
            wal.CommandText = "PRAGMA journal_mode = WAL;";
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
            PRAGMA user_version = {FormatVersion};
            """;
        create.ExecuteNonQuery();
        transaction.Commit();
    }
}
