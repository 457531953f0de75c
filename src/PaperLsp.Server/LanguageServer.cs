using System.Buffers;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Transport;
using StreamJsonRpc;

namespace PaperLsp.Server;

/// <summary>One server session over one connection: lifecycle, registration of the handlers, and the exit code.</summary>
internal sealed partial class LanguageServer
{
    private readonly JsonRpc _rpc;
    private readonly RequestDispatcher _dispatcher;
    private readonly LanguageServerOptions _options;
    private readonly ServerLog _log;
    private readonly TaskCompletionSource<int> _exitCode = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SynchronousOutputStream _output;
    private readonly ManualResetEventSlim _constructed = new();

    public LanguageServer(Stream input, Stream output, LanguageServerOptions options)
    {
        _options = options;
        var errorWriter = options.LogWriter ?? Console.Error;
        _log = new ServerLog(errorWriter);
        var timeline = options.RequestTrace ?? RequestTimeline.FromEnvironment(_log.Stderr);
        _output = JsonRpcFactory.ServerOutput(output, timeline);
        // On a restart the collections the last server served are read from the cache before the client's first message
        // (which most often names them again): the editor's start and initialize pass meanwhile.
        _cache = options.CollectionReader is null ? new CachedCollectionLoader(options.CollectionCache, _log.Info) : null;
        _cache?.ReadAheadLastServed();
        _rpc = JsonRpcFactory.Create(LspInputFilter.WrapAsPipe(input, message => _log.Warning(message), timeline, TryInitializeEarly), _output, errorWriter, timeline);
        StartupTimeline.Mark("json-rpc created");
        _dispatcher = new RequestDispatcher(_rpc, JsonRpcFactory.CreateSerializer(), _log) { Timeline = timeline };
        RegisterLifecycle();
        RegisterFeatures();
        foreach (var (method, handler) in options.AdditionalRequestHandlers)
        {
            _dispatcher.AddRawRequest(method, handler);
        }

        _constructed.Set();
    }

    public ClientFeatures Client { get; private set; } = ClientFeatures.None;

    /// <summary>Set by initialize, which may run on the input thread while the constructor still runs.</summary>
    public LspPositions Positions { get; private set; } = LspPositions.Utf16;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _log.Connect(_rpc);
        _rpc.StartListening();
        StartupTimeline.Mark("listening");
        using var registration = cancellationToken.Register(() => _exitCode.TrySetResult(1));
        var finished = await Task.WhenAny(_exitCode.Task, _rpc.Completion).ConfigureAwait(false);
        var code = finished == _exitCode.Task ? await _exitCode.Task.ConfigureAwait(false) : ExitCodeWithoutExit();
        _dispatcher.Lifecycle = ServerLifecycle.Exited;
        StartupTimeline.Write();
        await _stopping.CancelAsync().ConfigureAwait(false);
        StopBackgroundWork();
        _rpc.Dispose();
        try
        {
            // Bounded: a read blocked on a real stdin (a console stream) never ends before the client closes the pipe, and
            // the process must exit on `exit` without waiting for that.
            await _rpc.Completion.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The connection may end with an error (input closed mid-message); the exit code already says how we ended.
        }

        return code;
    }

    private static int ExitCodeWithoutExit() => 1;

    private void RegisterLifecycle()
    {
        // The params and the result are read and written by hand (InitializeParams.FromJson, InitializeResultJson): the
        // serializer's reflection on first use was most of the time to the first answer.
        _dispatcher.AddRequest<JToken?, JToken?>(LspMethods.Initialize, (raw, cancellationToken) =>
        {
            var parameters = ReadInitializeParams(raw);
            var result = BeginInitialize(parameters);
            StartReading(parameters);
            FinishInitialize(parameters);
            StartupTimeline.Mark("initialize answered");
            return Task.FromResult<JToken?>(result);
        });

        _dispatcher.AddNotification<JToken?>(LspMethods.Initialized, _ => OnInitialized());

        _dispatcher.AddRequest<JToken?, object?>(LspMethods.Shutdown, (_, _) =>
        {
            _dispatcher.Lifecycle = ServerLifecycle.ShutDown;
            StopBackgroundWork();
            return Task.FromResult<object?>(null);
        });

        _dispatcher.AddNotification<JToken?>(LspMethods.Exit, _ =>
            _exitCode.TrySetResult(_dispatcher.Lifecycle == ServerLifecycle.ShutDown ? 0 : 1));

        _dispatcher.AddNotification<SetTraceParams>(LspMethods.SetTrace, parameters => _log.Trace = ParseTrace(parameters.Value));
    }

    /// <summary>What the client offers decides how we talk (positions, trace); the answer to initialize.</summary>
    private JObject BeginInitialize(InitializeParams parameters)
    {
        StartupTimeline.Mark("initialize handler");
        Client = ClientFeatures.From(parameters.Capabilities);
        Positions = Client.Utf8Positions ? new LspPositions(PositionEncoding.Utf8) : LspPositions.Utf16;
        _log.Trace = ParseTrace(parameters.Trace);
        return InitializeResultJson.Of(new InitializeResult
        {
            Capabilities = Capabilities(),
            ServerInfo = new ServerInfo { Name = "paperlsp", Version = typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) },
        });
    }

    /// <summary>
    /// Answers the input's first frame when it is a well-formed initialize request, on the input thread, before the
    /// connection is built (StreamJsonRpc's code for it is generic over other assemblies' types, so none of it is
    /// precompiled: the connection took 100-300 ms to create and dispatch the first request, and the collections were read
    /// only from initialize's handler on). The answer is written straight to the output, as one write the connection's
    /// own cannot interleave with, and the collections' read starts; then, once the server is constructed, the rest of initialize runs
    /// as in the handler, before any later frame is passed on. Anything else (another method, params the handler would
    /// refuse, a frame that is not plain JSON-RPC) is left to the connection, which answers it as before: false.
    /// </summary>
    private bool TryInitializeEarly(ReadOnlySequence<byte> body)
    {
        StartupTimeline.Mark("first frame read");
        InitializeParams parameters;
        JToken id;
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body))) { DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is not JObject message || (string?)message["jsonrpc"] != "2.0" || (string?)message["method"] != LspMethods.Initialize
                || message["id"] is not { Type: JTokenType.Integer or JTokenType.String } requestId || message["params"] is not JObject raw)
            {
                return false;
            }

            id = requestId;
            parameters = InitializeParams.FromJson(raw);
        }
        catch (JsonException)
        {
            return false;
        }

        JObject result;
        try
        {
            result = BeginInitialize(parameters);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The connection's handler meets the same failure and answers it.
            return false;
        }

        // Framed as the connection frames every response (LspMessageHandler.WriteFrame).
        var frame = new ArrayBufferWriter<byte>();
        LspMessageHandler.WriteFrame(frame, Encoding.UTF8.GetBytes(id.ToString(Formatting.None)), Encoding.UTF8.GetBytes(result.ToString(Formatting.None)));
        _output.WriteMessage(frame.WrittenSpan);
        StartupTimeline.Mark("initialize answered");
        try
        {
            StartReading(parameters);
            _constructed.Wait();
            FinishInitialize(parameters);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Answered already: as the handler's failures, logged (the connection would have answered InternalError).
            _constructed.Wait();
            _dispatcher.Lifecycle = ServerLifecycle.Initialized;
            _log.Error($"initialize failed: {exception}");
        }

        return true;
    }

    private static InitializeParams ReadInitializeParams(JToken? raw)
    {
        try
        {
            return raw is JObject json
                ? InitializeParams.FromJson(json)
                : throw new LocalRpcException("initialize: params are required.") { ErrorCode = LspErrorCodes.InvalidParams };
        }
        catch (JsonException exception)
        {
            throw new LocalRpcException($"initialize: invalid params: {exception.Message}") { ErrorCode = LspErrorCodes.InvalidParams };
        }
    }

    private ServerCapabilities Capabilities() => new()
    {
        PositionEncoding = Positions.EncodingName,
        TextDocumentSync = new TextDocumentSyncOptions
        {
            OpenClose = true,
            Change = TextDocumentSyncKind.Incremental,
            Save = new SaveOptions { IncludeText = false },
        },
        CompletionProvider = new CompletionOptions { TriggerCharacters = ["[", "@"], ResolveProvider = true },
        HoverProvider = true,
        DefinitionProvider = true,
        ReferencesProvider = true,
        DocumentSymbolProvider = true,
        CodeActionProvider = new CodeActionOptions { CodeActionKinds = ["quickfix"] },
        WorkspaceSymbolProvider = true,
        DiagnosticProvider = Client.PullDiagnostics
            ? new DiagnosticOptions { Identifier = "paperlsp", InterFileDependencies = true, WorkspaceDiagnostics = false }
            : null,
        Workspace = new WorkspaceServerCapabilities
        {
            WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true },
        },
    };

    private static TraceSetting ParseTrace(string? value) => value switch
    {
        "messages" => TraceSetting.Messages,
        "verbose" => TraceSetting.Verbose,
        _ => TraceSetting.Off,
    };

    /// <summary>LSP asks servers to exit when the process that started them is gone; we poll it.</summary>
    private async Task WatchClientProcessAsync(int processId, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // The first look waits one interval too: it is not worth the ~10 ms it adds to initialize's answer.
                await Task.Delay(_options.ParentProcessPollInterval, cancellationToken).ConfigureAwait(false);
                if (!IsRunning(processId))
                {
                    _log.Warning($"The client process {processId} is gone; exiting.");
                    _exitCode.TrySetResult(1);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
