namespace IotDevice.Topics
{
    /// <summary>
    /// Makes a dialect's topic rows, the same rows in the same order at every call (a static method such
    /// as <c>AlinkTopics.Definitions</c>). A table given one keeps no row text of its own: on the device
    /// each template is a heap string and a slot of an array, and the table asks for them again only
    /// the first time it needs a row's text (a topic the device sends, an inbound topic to confirm) and
    /// for its rarer questions (subscription filters, the reason a topic was refused).
    /// </summary>
    public delegate TopicDefinition[] TopicDefinitionSource();
}
