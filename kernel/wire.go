package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// delimiter separates the routing identities from the message proper.
var delimiter = []byte("<IDS|MSG>")

// emptyObject is the JSON of an absent parent_header or metadata.
var emptyObject = json.RawMessage("{}")

// errNoDelimiter is returned for frames without "<IDS|MSG>".
var errNoDelimiter = errors.New("kernel: missing <IDS|MSG> delimiter")

// message is one Jupyter message. The JSON parts stay raw so that a reply's parent_header is the
// request's header exactly as it came in.
type message struct {
	ids       [][]byte        // routing identities (or the PUB topic)
	header    header          // parsed header
	rawHeader json.RawMessage // header as received; nil for messages built here
	parent    json.RawMessage // parent_header, "{}" when none
	metadata  json.RawMessage
	content   json.RawMessage
	buffers   [][]byte
}

// encode returns the wire frames of m signed by s.
func (m *message) encode(s signer) ([][]byte, error) {
	h := []byte(m.rawHeader)
	if h == nil {
		var err error
		if h, err = json.Marshal(m.header); err != nil {
			return nil, fmt.Errorf("kernel: encode header: %w", err)
		}
	}
	parts := [4][]byte{h, orEmpty(m.parent), orEmpty(m.metadata), orEmpty(m.content)}
	frames := make([][]byte, 0, len(m.ids)+6+len(m.buffers))
	frames = append(frames, m.ids...)
	frames = append(frames, delimiter, s.sign(parts[:]...))
	frames = append(frames, parts[:]...)
	return append(frames, m.buffers...), nil
}

// orEmpty returns raw, or {} when raw is empty.
func orEmpty(raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return emptyObject
	}
	return raw
}

// decode parses and verifies wire frames.
func decode(frames [][]byte, s signer) (*message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], delimiter) {
		i++
	}
	if i == len(frames) {
		return nil, errNoDelimiter
	}
	rest := frames[i+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("kernel: message has %d frames after the delimiter, want at least 5", len(rest))
	}
	if err := s.verify(rest[0], rest[1:5]...); err != nil {
		return nil, err
	}
	m := &message{ids: frames[:i], buffers: rest[5:]}
	for j, dst := range []*json.RawMessage{&m.rawHeader, &m.parent, &m.metadata, &m.content} {
		if !isObject(rest[1+j]) {
			return nil, fmt.Errorf("kernel: frame %d is not a JSON object", 2+j)
		}
		*dst = json.RawMessage(rest[1+j])
	}
	if err := json.Unmarshal(m.rawHeader, &m.header); err != nil {
		return nil, fmt.Errorf("kernel: decode header: %w", err)
	}
	if m.header.MsgType == "" {
		return nil, errors.New("kernel: header has no msg_type")
	}
	return m, nil
}

// isObject reports whether b is one valid JSON object.
func isObject(b []byte) bool {
	b = bytes.TrimSpace(b)
	return len(b) >= 2 && b[0] == '{' && json.Valid(b)
}

// parentID is the msg_id of m's parent header, or "".
func (m *message) parentID() string {
	var p struct {
		MsgID string `json:"msg_id"`
	}
	_ = json.Unmarshal(m.parent, &p) // a parent without msg_id has none
	return p.MsgID
}
