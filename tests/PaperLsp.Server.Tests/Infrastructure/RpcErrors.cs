using StreamJsonRpc;

namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>The JSON-RPC error code a request answered with (StreamJsonRpc raises different exception types per code).</summary>
internal static class RpcErrors
{
    public static async Task<int> CodeOf(Func<Task> request)
    {
        try
        {
            await request();
        }
        catch (RemoteInvocationException exception)
        {
            return exception.ErrorCode;
        }
        catch (RemoteMethodNotFoundException exception)
        {
            return (int)exception.ErrorCode;
        }

        throw new Xunit.Sdk.XunitException("The request succeeded; an error was expected.");
    }
}
