using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Protocol;
using StreamJsonRpc;

namespace PaperLsp.Server.Dispatch;

/// <summary>
/// Registers LSP methods on the connection and owns what every method shares: the lifecycle gate (ServerNotInitialized
/// before initialize, InvalidRequest after shutdown), params deserialization (InvalidParams), error mapping (a throwing
/// handler answers InternalError and the server goes on) and $/logTrace. A handler's synchronous part runs at arrival, in
/// arrival order (see <see cref="Transport.JsonRpcFactory"/>); that is where mutations apply and reads take their snapshot.
/// </summary>
public sealed class RequestDispatcher(JsonRpc rpc, JsonSerializer serializer, ServerLog log)
{
    private int _lifecycle = (int)ServerLifecycle.NotInitialized;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _requestsInFlight;

    public ServerLifecycle Lifecycle
    {
        get => (ServerLifecycle)Volatile.Read(ref _lifecycle);
        set => Volatile.Write(ref _lifecycle, (int)value);
    }

    public JsonSerializer Serializer => serializer;

    /// <summary>
    /// How long the client has been idle: zero while a request is being answered, else the time since the last message
    /// arrived or the last answer was ready (background work waits for a pause; a slow first search is not one).
    /// </summary>
    public TimeSpan IdleFor => Volatile.Read(ref _requestsInFlight) > 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity));

    /// <summary>
    /// Blocks the calling thread while a request is being answered, for at most <paramref name="longest"/>: work nobody
    /// waits for (a diagnostics pass's did-you-means) gives the cores to the request the user waits for. Never call it on a
    /// thread-pool thread (the request may need one) nor from a request's handler (it would wait for itself).
    /// </summary>
    public void WaitWhileAnswering(TimeSpan longest, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _requestsInFlight) == 0)
        {
            return;
        }

        var waiting = Stopwatch.StartNew();
        while (Volatile.Read(ref _requestsInFlight) > 0 && waiting.Elapsed < longest && !cancellationToken.WaitHandle.WaitOne(1))
        {
        }
    }

    /// <summary>The opt-in request trace (<see cref="RequestTimeline"/>), or null.</summary>
    public RequestTimeline? Timeline { get; init; }

    /// <summary>A request whose handler runs at arrival and may return a task that finishes later.</summary>
    public void AddRequest<TParams, TResult>(string method, Func<TParams, CancellationToken, Task<TResult>> handler)
    {
        Register(method, async (raw, cancellationToken) =>
        {
            Timeline?.MarkCurrent(RequestStage.Handled);
            GateRequest(method);
            var parameters = Deserialize<TParams>(method, raw);
            var stopwatch = Stopwatch.StartNew();
            Interlocked.Increment(ref _requestsInFlight);
            try
            {
                return await handler(parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (LocalRpcException)
            {
                throw;
            }
            catch (Exception exception)
            {
                log.Error($"{method} failed: {exception}");
                throw new LocalRpcException($"{method} failed: {exception.Message}") { ErrorCode = LspErrorCodes.InternalError };
            }
            finally
            {
                Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref _requestsInFlight);
                log.TraceMessage($"Handled request '{method}' in {stopwatch.ElapsedMilliseconds} ms.", () => raw?.ToString(Formatting.None));
            }
        });
    }

    /// <summary>A notification handled entirely at arrival; its failures are logged, never answered.</summary>
    public void AddNotification<TParams>(string method, Action<TParams> handler)
    {
        Register(method, (raw, _) =>
        {
            var lifecycle = Lifecycle;
            if (method != LspMethods.Exit && lifecycle != ServerLifecycle.Initialized &&
                !(lifecycle == ServerLifecycle.NotInitialized && method == LspMethods.Initialized))
            {
                // Before initialize and after shutdown, notifications other than exit are dropped (LSP 3.17).
                return Task.FromResult<object?>(null);
            }

            try
            {
                handler(Deserialize<TParams>(method, raw));
            }
            catch (Exception exception)
            {
                log.Error($"{method} failed: {exception.Message}");
            }

            log.TraceMessage($"Received notification '{method}'.", () => raw?.ToString(Formatting.None));
            return Task.FromResult<object?>(null);
        });
    }

    /// <summary>A raw request handler behind the same lifecycle gate and error mapping (tests inject failing ones).</summary>
    public void AddRawRequest(string method, RpcHandler handler) =>
        AddRequest<JToken?, object?>(method, (raw, cancellationToken) => handler(raw, cancellationToken));

    private void Register(string method, RpcHandler handler) =>
        rpc.AddLocalRpcMethod(
            RpcMethodEntry.InvokeMethod,
            new RpcMethodEntry((parameters, cancellationToken) =>
            {
                Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
                return handler(parameters, cancellationToken);
            }),
            new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    private void GateRequest(string method)
    {
        switch (Lifecycle)
        {
            case ServerLifecycle.NotInitialized when method != LspMethods.Initialize:
                throw new LocalRpcException("The server has not been initialized.") { ErrorCode = LspErrorCodes.ServerNotInitialized };
            case ServerLifecycle.Initialized when method == LspMethods.Initialize:
                throw new LocalRpcException("The server is already initialized.") { ErrorCode = LspErrorCodes.InvalidRequest };
            case ServerLifecycle.ShutDown or ServerLifecycle.Exited:
                throw new LocalRpcException("The server is shutting down.") { ErrorCode = LspErrorCodes.InvalidRequest };
        }
    }

    private T Deserialize<T>(string method, JToken? raw)
    {
        if (typeof(T) == typeof(JToken))
        {
            return (T)(object?)raw!;
        }

        if (raw is null || raw.Type == JTokenType.Null)
        {
            throw new LocalRpcException($"{method}: params are required.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        try
        {
            return raw.ToObject<T>(serializer)
                ?? throw new LocalRpcException($"{method}: params are required.") { ErrorCode = LspErrorCodes.InvalidParams };
        }
        catch (JsonException exception)
        {
            throw new LocalRpcException($"{method}: invalid params: {exception.Message}") { ErrorCode = LspErrorCodes.InvalidParams };
        }
    }
}
