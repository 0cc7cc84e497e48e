namespace IotDevice.Dialects.Alink
{
    /// <summary>The HMAC the CONNECT password is made with (the client id's <c>signmethod=</c>).</summary>
    public enum AlinkSignMethod
    {
        /// <summary><c>hmacsha256</c>, what the official C SDK uses.</summary>
        HmacSha256 = 0,

        /// <summary><c>hmacsha1</c>, the JS SDK's default and the documentation's example.</summary>
        HmacSha1 = 1,

        /// <summary><c>hmacmd5</c>.</summary>
        HmacMd5 = 2,
    }
}
