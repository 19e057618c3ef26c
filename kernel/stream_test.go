package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// recordSocket is a zmq4.Socket that records what is sent on it.
type recordSocket struct {
	mu   sync.Mutex
	sent []zmq4.Msg
}

func (s *recordSocket) SendMulti(m zmq4.Msg) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, m)
	return nil
}
func (s *recordSocket) Send(m zmq4.Msg) error                 { return s.SendMulti(m) }
func (s *recordSocket) Close() error                          { return nil }
func (s *recordSocket) Recv() (zmq4.Msg, error)               { return zmq4.Msg{}, errors.New("no recv") }
func (s *recordSocket) Listen(string) error                   { return nil }
func (s *recordSocket) Dial(string) error                     { return nil }
func (s *recordSocket) Type() zmq4.SocketType                 { return zmq4.Pub }
func (s *recordSocket) Addr() net.Addr                        { return nil }
func (s *recordSocket) GetOption(string) (interface{}, error) { return nil, nil }
func (s *recordSocket) SetOption(string, interface{}) error   { return nil }

// streams decodes the stream messages sent so far as "name:text".
func (s *recordSocket) streams(t *testing.T) []string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, zm := range s.sent {
		m, err := decode(zm.Frames, signer{})
		if err != nil {
			t.Fatal(err)
		}
		if m.header.MsgType != "stream" {
			out = append(out, m.header.MsgType)
			continue
		}
		var c struct{ Name, Text string }
		if err := json.Unmarshal(m.content, &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c.Name+":"+c.Text)
	}
	return out
}

// outputOnRecorder returns a cell output whose iopub is a recordSocket.
func outputOnRecorder(t *testing.T) (*cellOutput, *recordSocket) {
	t.Helper()
	rec := &recordSocket{}
	k, err := New(Config{Conn: ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", ShellPort: 1, IOPubPort: 2,
		StdinPort: 3, ControlPort: 4, HBPort: 5}, Interpreter: bareInterp{}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	k.socks = &sockets{iopub: &sender{name: "iopub", sock: rec}}
	parent := &message{header: newHeader("s", "execute_request", time.Now())}
	return newCellOutput(k, parent, false, true, 1), rec
}

func TestStreamCoalescesAndKeepsOrder(t *testing.T) {
	o, rec := outputOnRecorder(t)
	o.Stream("stdout", "a")
	o.Stream("stdout", "b")
	o.Stream("stderr", "E")
	o.Stream("stdout", "c")
	o.Display(DisplayData{Data: MIMEBundle{"text/plain": "d"}})
	o.Stream("stdout", "e")
	o.flush(true)
	got := strings.Join(rec.streams(t), "|")
	if want := "stdout:ab|stderr:E|stdout:c|display_data|stdout:e"; got != want {
		t.Errorf("published %s, want %s", got, want)
	}
}

func TestStreamTimerFlushesAndCutsOnRuneBoundary(t *testing.T) {
	o, rec := outputOnRecorder(t)
	o.Stream("stdout", "ok \xe2\x9c") // "✓" is e2 9c 93
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.streams(t)) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	o.Stream("stdout", "\x93")
	o.flush(true)
	got := rec.streams(t)
	if len(got) != 2 || got[0] != "stdout:ok " || got[1] != "stdout:✓" {
		t.Errorf("published %q", got)
	}
}

func TestStreamFlushesLargeOutputAtOnce(t *testing.T) {
	o, rec := outputOnRecorder(t)
	o.Stream("stdout", strings.Repeat("é", streamMaxBuffer/2)+"\xc3") // ends inside a rune
	got := rec.streams(t)
	if len(got) != 1 || len(got[0]) != len("stdout:")+streamMaxBuffer {
		t.Fatalf("large write published %d messages", len(got))
	}
	o.Stream("stdout", "\xa9")
	o.flush(true)
	if got := rec.streams(t); len(got) != 2 || got[1] != "stdout:é" {
		t.Errorf("tail = %q", got[1:])
	}
}

func TestSilentOutputPublishesNothing(t *testing.T) {
	o, rec := outputOnRecorder(t)
	o.silent = true
	o.Stream("stdout", "x")
	o.Display(DisplayData{Data: MIMEBundle{"text/plain": "d"}})
	o.ClearOutput(false)
	o.flush(true)
	if got := rec.streams(t); len(got) != 0 || o.ExecutionCount() != 0 {
		t.Errorf("silent output published %q, count %d", got, o.ExecutionCount())
	}
	if _, err := (&cellOutput{allowStdin: false}).Input(context.Background(), "p", false); !errors.Is(err, ErrStdinNotAllowed) {
		t.Errorf("Input without stdin = %v", err)
	}
}

func TestUTF8Cut(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"", 0}, {"abc", 3}, {"a\xc3", 1}, {"a\xc3\xa9", 3}, {"\xe2\x9c", 0}, {"\xf0\x9f\x98", 0},
		{"\xf0\x9f\x98\x80", 4}, {"\xff", 1}, {"a\x80\x80\x80\x80", 5}} {
		if got := utf8Cut([]byte(c.in)); got != c.want {
			t.Errorf("utf8Cut(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
