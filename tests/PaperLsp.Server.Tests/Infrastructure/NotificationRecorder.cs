using System.Reflection;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>The target StreamJsonRpc invokes for a server-to-client message in tests.</summary>
internal sealed class NotificationRecorder(string method, Func<string, JToken?, object?> record)
{
    public static MethodInfo Method { get; } = typeof(NotificationRecorder).GetMethod(nameof(Receive))!;

    public object? Receive(JToken? parameters = null) => record(method, parameters);
}
