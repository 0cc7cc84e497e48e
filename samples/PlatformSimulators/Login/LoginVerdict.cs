using IotDevice.Transport;

namespace IotDevice.Platforms.Login
{
    /// <summary>
    /// A platform's answer to a CONNECT: the CONNACK code it sends, and the reason only the platform's own
    /// log would show (never a secret). An accepted login may carry a note about something the platform
    /// lets pass but a firmware author should know.
    /// </summary>
    public sealed class LoginVerdict
    {
        private LoginVerdict(MqttConnectResult code, string reason)
        {
            Code = code;
            Reason = reason;
        }

        public MqttConnectResult Code { get; }

        /// <summary>Why it was refused, or a note on an accepted login (may be null).</summary>
        public string Reason { get; }

        public bool Accepted => Code == MqttConnectResult.Accepted;

        public static LoginVerdict Accept(string note = null) => new LoginVerdict(MqttConnectResult.Accepted, note);

        public static LoginVerdict Refuse(MqttConnectResult code, string reason) => new LoginVerdict(code, reason);

        public override string ToString() => Accepted
            ? "accepted" + (Reason == null ? "" : " (" + Reason + ")")
            : "refused with CONNACK " + (int)Code + ": " + Reason;
    }
}
