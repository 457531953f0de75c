using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Dispatch;

/// <summary>A raw handler: the JSON params (or null) in, a result to serialize out.</summary>
public delegate Task<object?> RpcHandler(JToken? parameters, CancellationToken cancellationToken);
