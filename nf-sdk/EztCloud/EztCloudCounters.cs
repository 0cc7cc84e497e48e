namespace IotDevice.Dialects.EztCloud
{
    /// <summary>What the EZtCloud dialect has done; the session's own counters sit on session.Counters.</summary>
    public sealed class EztCloudCounters
    {
        private readonly object _sync = new object();
        private long _attributeReports;
        private long _coalesced;
        private long _eventReports;
        private long _responsesOk;
        private long _responsesRefused;
        private long _throttled;
        private long _unmatchedResponses;
        private long _commands;
        private long _unknownCommands;
        private long _unhandledAttributes;
        private long _dataIn;
        private long _dataOut;
        private long _updateOffers;
        private long _ignored;

        /// <summary>Attribute reports published (a merged report counts once).</summary>
        public long AttributeReports { get { lock (_sync) { return _attributeReports; } } }

        /// <summary>Attribute reports merged into a later one because they came within the minimum interval.</summary>
        public long Coalesced { get { lock (_sync) { return _coalesced; } } }

        public long EventReports { get { lock (_sync) { return _eventReports; } } }

        /// <summary>attributes_response / event_response with error_code 0.</summary>
        public long ResponsesOk { get { lock (_sync) { return _responsesOk; } } }

        /// <summary>attributes_response / event_response with a non-zero error_code.</summary>
        public long ResponsesRefused { get { lock (_sync) { return _responsesRefused; } } }

        /// <summary>Refusals with error_code −1 ("Device message frequency too fast").</summary>
        public long Throttled { get { lock (_sync) { return _throttled; } } }

        /// <summary>Report answers that found no outstanding report to match.</summary>
        public long UnmatchedResponses { get { lock (_sync) { return _unmatchedResponses; } } }

        /// <summary>Commands received and answered (OTA included).</summary>
        public long Commands { get { lock (_sync) { return _commands; } } }

        /// <summary>Commands with no handler for their method.</summary>
        public long UnknownCommands { get { lock (_sync) { return _unknownCommands; } } }

        /// <summary>Pushed attributes with no handler (not applied, not confirmed).</summary>
        public long UnhandledAttributes { get { lock (_sync) { return _unhandledAttributes; } } }

        public long DataIn { get { lock (_sync) { return _dataIn; } } }

        public long DataOut { get { lock (_sync) { return _dataOut; } } }

        /// <summary>otaUpgrade commands turned into update offers.</summary>
        public long UpdateOffers { get { lock (_sync) { return _updateOffers; } } }

        /// <summary>Empty payloads on standard topics: no data, logged and skipped.</summary>
        public long Ignored { get { lock (_sync) { return _ignored; } } }

        internal void AddAttributeReport() { lock (_sync) { _attributeReports++; } }

        internal void AddCoalesced() { lock (_sync) { _coalesced++; } }

        internal void AddEventReport() { lock (_sync) { _eventReports++; } }

        internal void AddResponse(long errorCode, bool matched)
        {
            lock (_sync)
            {
                if (errorCode == 0)
                {
                    _responsesOk++;
                }
                else
                {
                    _responsesRefused++;
                    if (errorCode == EztCloudResponse.Throttled)
                    {
                        _throttled++;
                    }
                }
                if (!matched)
                {
                    _unmatchedResponses++;
                }
            }
        }

        internal void AddCommand(bool known)
        {
            lock (_sync)
            {
                _commands++;
                if (!known)
                {
                    _unknownCommands++;
                }
            }
        }

        internal void AddUnhandledAttribute() { lock (_sync) { _unhandledAttributes++; } }

        internal void AddDataIn() { lock (_sync) { _dataIn++; } }

        internal void AddDataOut() { lock (_sync) { _dataOut++; } }

        internal void AddUpdateOffer() { lock (_sync) { _updateOffers++; } }

        internal void AddIgnored() { lock (_sync) { _ignored++; } }
    }
}
