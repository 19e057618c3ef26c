package kernel

import (
	"bytes"
	"testing"
)

// frameSep splits a fuzz input into frames.
var frameSep = []byte{0x1e}

// FuzzDecode checks that decoding arbitrary frames never panics and that whatever decodes
// survives an encode/decode round trip unchanged.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("id\x1e<IDS|MSG>\x1e\x1e{\"msg_type\":\"kernel_info_request\",\"msg_id\":\"1\"}\x1e{}\x1e{}\x1e{}"), "")
	f.Fuzz(func(t *testing.T, data []byte, key string) {
		s := signer{key: []byte(key)}
		m, err := decode(bytes.Split(data, frameSep), s)
		if err != nil {
			return
		}
		frames, err := m.encode(s)
		if err != nil {
			t.Fatalf("encode of a decoded message: %v", err)
		}
		m2, err := decode(frames, s)
		if err != nil {
			t.Fatalf("decode of a re-encoded message: %v", err)
		}
		if m2.header != m.header || !bytes.Equal(m2.content, m.content) ||
			!bytes.Equal(m2.parent, m.parent) || len(m2.ids) != len(m.ids) || len(m2.buffers) != len(m.buffers) {
			t.Fatalf("round trip changed the message")
		}
	})
}
