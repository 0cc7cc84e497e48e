using IotDevice.Topics;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// EZtCloud device topics (docs/eztcloud.md §3): the device username (<c>DU_…</c>) is the
    /// second level of every topic; custom data streams may have sub-levels below their identifier.
    /// </summary>
    public static class EztCloudTopics
    {
        public static readonly string[] IdentityNames = new string[] { "username" };

        // Where the username is among IdentityNames (and so among a table's identity values).
        internal const int UsernameIndex = 0;

        // One delegate for every table of this dialect, made when the assembly loads.
        private static readonly TopicDefinitionSource Source = Definitions;

        public static TopicDefinition[] Definitions()
        {
            return new TopicDefinition[]
            {
                TopicDefinition.Publish(TopicKind.PropertyPost, "attributes/{username}"),
                TopicDefinition.Subscribe(TopicKind.PropertyPostReply, "attributes_response/{username}"),
                TopicDefinition.Publish(TopicKind.PropertyGet, "attributes_get/{username}"),
                TopicDefinition.Subscribe(TopicKind.PropertyGetReply, "attributes_get_response/{username}"),
                TopicDefinition.Subscribe(TopicKind.PropertySet, "attributes_push/{username}"),
                TopicDefinition.Publish(TopicKind.EventPost, "event_report/{username}"),
                TopicDefinition.Subscribe(TopicKind.EventPostReply, "event_response/{username}"),
                TopicDefinition.Subscribe(TopicKind.Command, "command_send/{username}"),
                TopicDefinition.Publish(TopicKind.CommandReply, "command_reply/{username}"),
                TopicDefinition.Publish(TopicKind.DataPost, "data/{username}/{identifier#}"),
                TopicDefinition.Subscribe(TopicKind.DataSet, "data_set/{username}/{identifier#}"),
            };
        }

        public static TopicTable Create(string username)
        {
            return new TopicTable(Dialect.EztCloud, Source, IdentityNames, new string[] { username });
        }
    }
}
