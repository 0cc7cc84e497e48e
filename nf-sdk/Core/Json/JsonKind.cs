namespace IotDevice.Json
{
    /// <summary>What a <see cref="JsonElement"/> holds.</summary>
    public enum JsonKind
    {
        /// <summary>Missing: a member that is absent, an index past the end, or an empty payload.</summary>
        None,
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,

        /// <summary>The payload failed validation; see <see cref="JsonElement.Error"/>.</summary>
        Invalid
    }
}
