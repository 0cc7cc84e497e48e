namespace IotDevice.Json
{
    /// <summary>Why <see cref="JsonReader.Parse(byte[], int, int)"/> rejected a payload.</summary>
    public enum JsonError
    {
        None,

        /// <summary>No value at all (zero bytes or only whitespace). Callers treat it as "no data".</summary>
        Empty,

        /// <summary>The input ended inside a value (or the buffer/offset/count given do not describe real bytes).</summary>
        Truncated,

        /// <summary>A byte that cannot start or continue the expected token: bare words, single quotes, a missing colon...</summary>
        UnexpectedCharacter,

        /// <summary>A number outside the JSON grammar: leading zeros, a lone '-', "1.", ".5", "1e".</summary>
        InvalidNumber,

        /// <summary>A raw control character or a malformed escape inside a string.</summary>
        InvalidString,

        /// <summary>A byte sequence inside a string that is not well-formed UTF-8.</summary>
        InvalidUtf8,

        /// <summary>Objects/arrays nested deeper than the allowed depth.</summary>
        TooDeep,

        /// <summary>The payload is longer than the allowed length.</summary>
        TooLarge,

        /// <summary>Something other than whitespace follows the top-level value.</summary>
        TrailingData
    }
}
