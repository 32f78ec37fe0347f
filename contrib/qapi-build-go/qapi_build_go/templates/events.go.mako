<%namespace file="common.mako" import="struct"/>\
% for e in events:

${struct(e.struct)}\

// EventName returns ${e.literal}.
func (${e.struct.name}) EventName() string {
	return ${e.literal}
}

// EventTime returns when the server emitted the event.
func (e ${e.struct.name}) EventTime() Timestamp {
	return e.${e.timestamp}
}
% if e.boxed:

// MarshalJSON encodes the event's data.
func (e ${e.struct.name}) MarshalJSON() ([]byte, error) {
	return json.Marshal(e.Data)
}
% endif
% endfor

// DecodeEvent returns the typed value of the event called name with data and timestamp:
// a RawEvent when the name is unknown (Err is nil) or the data does not decode (Err says why).
func DecodeEvent(name string, data json.RawMessage, timestamp Timestamp) Event {
	if len(data) == 0 {
		data = json.RawMessage("{}")
	}
% if events:
	switch name {
% for e in events:
	case ${e.literal}:
		var event ${e.struct.name}
		if err := json.Unmarshal(data, &event${".Data" if e.boxed else ""}); err != nil {
			return RawEvent{Name: name, Data: data, Timestamp: timestamp, Err: err}
		}
		event.${e.timestamp} = timestamp
		return event
% endfor
	}
% endif
	return RawEvent{Name: name, Data: data, Timestamp: timestamp}
}
