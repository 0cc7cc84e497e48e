using System.Security.Cryptography;
using System.Text;
using IotDevice.Platforms.Login;
using IotDevice.Transport;

namespace IotDevice.Platforms.EztCloud
{
    /// <summary>
    /// EZtCloud's check of a CONNECT: the device user (<c>DU_…</c>) and its password. Its broker is EMQX
    /// behind an HTTP authentication hook, which refuses a failed login with code 5 "not authorized".
    /// </summary>
    public static class EztCloudLogin
    {
        public static LoginVerdict Check(MqttConnectOptions connect, string username, string password)
        {
            if (connect.Username != username)
            {
                return LoginVerdict.Refuse(MqttConnectResult.NotAuthorized, "unknown device user '" + connect.Username + "'");
            }
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(connect.Password ?? ""), Encoding.UTF8.GetBytes(password ?? "")))
            {
                return LoginVerdict.Refuse(MqttConnectResult.NotAuthorized, "wrong password for " + username);
            }
            return LoginVerdict.Accept("client id " + connect.ClientId);
        }
    }
}
