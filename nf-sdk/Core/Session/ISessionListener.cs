namespace IotDevice.Session
{
    /// <summary>
    /// What a session tells the client that drives it, ahead of its public events and without a delegate
    /// per event (each is heap on the device): a session hook (<see cref="ISessionDialect"/>) that also
    /// implements this hears of requests completed by delivery, requests that timed out and state changes.
    /// </summary>
    internal interface ISessionListener
    {
        void RequestDelivered(PendingRequest request);

        void RequestTimedOut(PendingRequest request);

        void StateChanged(SessionState state, string detail);
    }
}
