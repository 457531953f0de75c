namespace PaperLsp.Server.Dispatch;

/// <summary>The points of a request's way through the server that <see cref="RequestTimeline"/> stamps, in order.</summary>
public enum RequestStage
{
    /// <summary>The read from the input that completed the request's frame returned (the input thread).</summary>
    Read,

    /// <summary>The input filter passed the frame on.</summary>
    Framed,

    /// <summary>StreamJsonRpc began dispatching the request.</summary>
    Dispatched,

    /// <summary>Our handler began (in arrival order, on the dispatch context).</summary>
    Handled,

    /// <summary>A read's work began on the thread pool.</summary>
    Started,

    /// <summary>A read's work ended (the result is built).</summary>
    Computed,

    /// <summary>StreamJsonRpc has the result message.</summary>
    Answered,

    /// <summary>The response was handed to the transport and flushed to its writer.</summary>
    Sent,

    /// <summary>The response's last byte was written to the output.</summary>
    Written,
}
