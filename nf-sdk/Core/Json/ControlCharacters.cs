namespace IotDevice.Json
{
    /// <summary>
    /// Character sets for the runtime's native <c>IndexOfAny</c>: a few characters, then the control
    /// characters U+0000–U+001F (and U+007F when asked). Made once at start-up rather than written out as
    /// array constants, which the device's assembly stores with a type and a 64-character name each.
    /// </summary>
    internal static class ControlCharacters
    {
        private const int C0Count = 32;

        public static char[] After(string first, bool withDelete)
        {
            char[] set = new char[first.Length + C0Count + (withDelete ? 1 : 0)];
            first.ToCharArray().CopyTo(set, 0);
            for (int c = 0; c < C0Count; c++)
            {
                set[first.Length + c] = (char)c;
            }
            if (withDelete)
            {
                set[set.Length - 1] = (char)127;
            }
            return set;
        }
    }
}
