package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readFrames reads frames stored as a JSON array of strings.
func readFrames(t *testing.T, name string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		t.Fatal(err)
	}
	frames := make([][]byte, len(ss))
	for i, s := range ss {
		frames[i] = []byte(s)
	}
	return frames
}

// goldenReply is a reply built the way the kernel builds them, with a fixed header.
func goldenReply(t *testing.T) *message {
	t.Helper()
	req, err := decode(readFrames(t, "execute_request.frames.json"), signer{key: []byte("secret")})
	if err != nil {
		t.Fatal(err)
	}
	return &message{
		ids: req.ids,
		header: header{MsgID: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", Session: "kernel-session",
			Username: "kernel", Date: formatDate(time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.UTC)),
			MsgType: "execute_reply", Version: protocolVersion},
		parent:   req.rawHeader,
		metadata: emptyObject,
		content:  json.RawMessage(`{"execution_count":3,"payload":[],"status":"ok","user_expressions":{}}`),
	}
}

func TestEncodeGolden(t *testing.T) {
	frames, err := goldenReply(t).encode(signer{key: []byte("secret")})
	if err != nil {
		t.Fatal(err)
	}
	ss := make([]string, len(frames))
	for i, f := range frames {
		ss[i] = string(f)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(ss); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", "execute_reply.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("encoded frames differ from %s:\ngot  %s\nwant %s", path, got, want)
	}
}

// TestDecodeGolden decodes a message that jupyter_client's Session signed with key "secret".
func TestDecodeGolden(t *testing.T) {
	m, err := decode(readFrames(t, "execute_request.frames.json"), signer{key: []byte("secret")})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.ids) != 1 || string(m.ids[0]) != "client-identity" {
		t.Errorf("ids = %q", m.ids)
	}
	h := m.header
	if h.MsgType != "execute_request" || h.Username != "alice" || h.Version != "5.3" ||
		h.Session != "f1e2d3c4-0000-4000-8000-000000000001" || h.Date != "2026-11-28T19:01:25.272207Z" {
		t.Errorf("header = %+v", h)
	}
	var c executeRequest
	if err := json.Unmarshal(m.content, &c); err != nil {
		t.Fatal(err)
	}
	if c.Code != "x := 1\nfmt.Println(\"héllo ✓\")" || c.UserExpressions["a"] != "x" || !orTrue(c.StopOnError) {
		t.Errorf("content = %+v", c)
	}
	if string(m.metadata) != `{"cellId": "c1"}` || string(m.parent) != "{}" {
		t.Errorf("metadata %s parent %s", m.metadata, m.parent)
	}
}

func TestDecodeRejects(t *testing.T) {
	good := readFrames(t, "execute_request.frames.json")
	key := signer{key: []byte("secret")}
	tamper := func(i int, f func([]byte) []byte) [][]byte {
		out := make([][]byte, len(good))
		copy(out, good)
		out[i] = f(append([]byte(nil), good[i]...))
		return out
	}
	cases := []struct {
		name   string
		frames [][]byte
		s      signer
		want   error
	}{
		{"wrong key", good, signer{key: []byte("Secret")}, errBadSignature},
		{"tampered content", tamper(6, func(b []byte) []byte { return bytes.Replace(b, []byte("x := 1"), []byte("x := 2"), 1) }), key, errBadSignature},
		{"tampered header", tamper(3, func(b []byte) []byte { return bytes.Replace(b, []byte("alice"), []byte("mallory"), 1) }), key, errBadSignature},
		{"signature not hex", tamper(2, func(b []byte) []byte { return []byte("zz" + string(b[2:])) }), key, errBadSignature},
		{"empty signature", tamper(2, func([]byte) []byte { return nil }), key, errBadSignature},
		{"missing delimiter", tamper(1, func([]byte) []byte { return []byte("<IDS|MSG") }), key, errNoDelimiter},
		{"too few frames", good[:6], key, nil},
		{"header not an object", tamper(3, func([]byte) []byte { return []byte(`[]`) }), signer{}, nil},
		{"header without msg_type", tamper(3, func([]byte) []byte { return []byte(`{"msg_id":"1"}`) }), signer{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := decode(c.frames, c.s)
			if err == nil {
				t.Fatal("decode accepted the message")
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("err = %v, want %v", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "kernel: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestEmptyKeyNeitherSignsNorChecks(t *testing.T) {
	frames := readFrames(t, "execute_request.frames.json")
	frames[2] = []byte("anything")
	if _, err := decode(frames, signer{}); err != nil {
		t.Fatalf("empty key rejected a message: %v", err)
	}
	m := goldenReply(t)
	out, err := m.encode(signer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out[2]) != 0 {
		t.Errorf("signature with empty key = %q, want empty", out[2])
	}
}

func TestRoundTripKeepsBuffersAndIdentities(t *testing.T) {
	m := goldenReply(t)
	m.ids = [][]byte{[]byte("a"), []byte("b")}
	m.buffers = [][]byte{{0, 1, 2}}
	s := signer{key: []byte("k")}
	frames, err := m.encode(s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decode(frames, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ids) != 2 || string(got.ids[1]) != "b" || len(got.buffers) != 1 || !bytes.Equal(got.buffers[0], []byte{0, 1, 2}) {
		t.Errorf("ids %q buffers %q", got.ids, got.buffers)
	}
	if got.header != m.header || string(got.content) != string(m.content) || got.parentID() == "" {
		t.Errorf("round trip changed the message: %+v", got.header)
	}
}

func TestHeaderDateHasMicroseconds(t *testing.T) {
	d := formatDate(time.Date(2026, 5, 6, 7, 8, 9, 987654321, time.FixedZone("X", 3600)))
	if d != "2026-05-06T06:08:09.987654Z" {
		t.Errorf("date = %q", d)
	}
	h := newHeader("s", "status", time.Now())
	if h.Version != "5.3" || len(h.MsgID) != 36 || h.MsgID == newHeader("s", "status", time.Now()).MsgID {
		t.Errorf("header = %+v", h)
	}
}
