## The values every package has, whatever the protocol: errors, null, JSON helpers.

// Error is the error a command returns when the server answers with one.
type Error struct {
	// Class is the error class, such as "GenericError".
	Class string `json:"class"`
	// Description says what went wrong, for people.
	Description string `json:"desc"`
}

// Error returns the class and the description.
func (e *Error) Error() string {
	return e.Class + ": " + e.Description
}

// ErrClosed is what commands return once the connection has ended.
var ErrClosed = errors.New("${protocol}: connection closed")

// CommandNotAvailableError is what a command returns, before anything is sent, when
// ${program} it is connected to does not have it.
type CommandNotAvailableError struct {
	// Command is the command's name, such as "${"query-audiodevs" if protocol == "qmp" else "guest-get-load"}".
	Command string
	// Version is the connected ${"QEMU" if protocol == "qmp" else "agent"}'s version, such as "7.2.0".
	Version string
}

// Error says which command the server lacks.
func (e *CommandNotAvailableError) Error() string {
	return fmt.Sprintf("${protocol}: ${program.replace("the ", "")} %s has no command %s", e.Version, e.Command)
}

// Null is the JSON value null: the QAPI type null.
type Null struct{}

// MarshalJSON returns null.
func (Null) MarshalJSON() ([]byte, error) {
	return []byte("null"), nil
}

// UnmarshalJSON accepts null only.
func (*Null) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) != "null" {
		return fmt.Errorf("expected null, got a JSON %s", jsonKind(data))
	}
	return nil
}

// call runs command and decodes its return value into result (unless it is nil); a
// command the server lacks is not sent (see checkAvailable).
func (c *Client) call(ctx context.Context, command string, args any, result any) error {
	if err := c.checkAvailable(ctx, command); err != nil {
		return err
	}
	raw, err := c.Execute(ctx, command, args)
	if err != nil || result == nil {
		return err
	}
	if err := json.Unmarshal(raw, result); err != nil {
		return fmt.Errorf("%s: decoding the reply: %w", command, err)
	}
	return nil
}

// isVarying reports whether command is one of the varyingCommands.
func isVarying(command string) bool {
	for _, name := range varyingCommands {
		if name == command {
			return true
		}
	}
	return false
}

// jsonKind names the JSON kind of a value, the way alternates choose a branch.
func jsonKind(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// mergeObjects joins JSON objects (null counts as empty) into one.
func mergeObjects(parts ...[]byte) ([]byte, error) {
	var out bytes.Buffer
	out.WriteByte('{')
	for _, part := range parts {
		part = bytes.TrimSpace(part)
		if string(part) == "null" {
			continue
		}
		if len(part) < 2 || part[0] != '{' || part[len(part)-1] != '}' {
			return nil, fmt.Errorf("expected a JSON object, got a JSON %s", jsonKind(part))
		}
		inner := bytes.TrimSpace(part[1 : len(part)-1])
		if len(inner) == 0 {
			continue
		}
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		out.Write(inner)
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}
