namespace EndpointGen.Testing;

/// <summary>A call a fake recorded for one endpoint; the generated <c>...Call</c> types add its arguments, typed as in the client.</summary>
public abstract class FakeCall
{
    /// <summary>Records a call of a request.</summary>
    /// <param name="request">The request as received.</param>
    protected FakeCall(FakeRequest request) => Request = request;

    /// <summary>The request as it was on the wire.</summary>
    public FakeRequest Request { get; }

    /// <summary>The request line, for messages.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Request.ToString();
}
