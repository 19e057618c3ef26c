package kernel

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// waitTimeout bounds every wait of the end-to-end tests.
const waitTimeout = 10 * time.Second

// lockedBuffer collects the kernel's logs for assertions.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// inbox holds the decoded messages of one client socket.
type inbox struct {
	ch      chan *message
	backlog []*message
}

// next returns the first message (backlog first) that pred accepts, keeping the others.
func (in *inbox) next(t testing.TB, what string, pred func(*message) bool) *message {
	t.Helper()
	for i, m := range in.backlog {
		if pred(m) {
			in.backlog = append(in.backlog[:i], in.backlog[i+1:]...)
			return m
		}
	}
	deadline := time.After(waitTimeout)
	for {
		select {
		case m := <-in.ch:
			if pred(m) {
				return m
			}
			in.backlog = append(in.backlog, m)
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
			return nil
		}
	}
}

// none fails if a message that pred accepts arrives within d.
func (in *inbox) none(t testing.TB, what string, d time.Duration, pred func(*message) bool) {
	t.Helper()
	for _, m := range in.backlog {
		if pred(m) {
			t.Fatalf("unexpected %s: %s", what, m.content)
		}
	}
	deadline := time.After(d)
	for {
		select {
		case m := <-in.ch:
			if pred(m) {
				t.Fatalf("unexpected %s: %s %s", what, m.header.MsgType, m.content)
			}
			in.backlog = append(in.backlog, m)
		case <-deadline:
			return
		}
	}
}

// client plays jupyter_client: DEALER for shell, control and stdin, SUB for iopub, REQ for hb.
type client struct {
	t                             testing.TB
	k                             *Kernel
	logs                          *lockedBuffer
	s                             signer
	session                       string
	shell, control, stdin, hb, io zmq4.Socket
	shellIn, controlIn, stdinIn   *inbox
	iopubIn                       *inbox
	done                          chan runResult // Run's result
	cancel                        context.CancelFunc
	closeOnce                     sync.Once
}

// runResult is what Run returned.
type runResult struct {
	restart bool
	err     error
}

// freePorts returns n free TCP ports on 127.0.0.1.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	ports := make([]int, n)
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports
}

// startKernel runs a kernel over interp on free ports and connects a ready client to it.
func startKernel(t testing.TB, interp Interpreter) *client {
	t.Helper()
	p := freePorts(t, 5)
	ci := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", SignatureScheme: "hmac-sha256",
		Key: "test-key", ShellPort: p[0], IOPubPort: p[1], StdinPort: p[2], ControlPort: p[3], HBPort: p[4]}
	logs := &lockedBuffer{}
	k, err := New(Config{Conn: ci, Interpreter: interp, Logger: slog.New(slog.NewTextHandler(logs, nil)),
		Info: Info{Implementation: "test", ImplementationVersion: "0.1", Banner: "hi",
			Language: LanguageInfo{Name: "go", Version: "1.26", MIMEType: "text/x-go", FileExtension: ".go"}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c := &client{t: t, k: k, logs: logs, s: signer{key: []byte(ci.Key)}, session: newID(),
		done: make(chan runResult, 1), cancel: cancel}
	go func() {
		restart, err := k.Run(ctx)
		c.done <- runResult{restart, err}
	}()
	id := zmq4.SocketIdentity("client-" + c.session[:8])
	bg := context.Background()
	c.shell = zmq4.NewDealer(bg, zmq4.WithID(id))
	c.stdin = zmq4.NewDealer(bg, zmq4.WithID(id))
	c.control = zmq4.NewDealer(bg)
	c.io = zmq4.NewSub(bg)
	c.hb = zmq4.NewReq(bg)
	t.Cleanup(c.close)
	for _, d := range []struct {
		s    zmq4.Socket
		port int
	}{{c.shell, ci.ShellPort}, {c.stdin, ci.StdinPort}, {c.control, ci.ControlPort}, {c.io, ci.IOPubPort}, {c.hb, ci.HBPort}} {
		if err := d.s.Dial(ci.endpoint(d.port)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.io.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	c.shellIn, c.controlIn, c.stdinIn, c.iopubIn = c.pump(c.shell), c.pump(c.control), c.pump(c.stdin), c.pump(c.io)
	c.waitReady()
	return c
}

// pump decodes what s receives into an inbox until s is closed.
func (c *client) pump(s zmq4.Socket) *inbox {
	in := &inbox{ch: make(chan *message, 1000)}
	go func() {
		for {
			zm, err := s.Recv()
			if err != nil {
				return
			}
			m, err := decode(zm.Frames, c.s)
			if err != nil {
				continue
			}
			in.ch <- m
		}
	}()
	return in
}

// waitReady does what jupyter_client does: kernel_info until iopub is seen to work.
func (c *client) waitReady() {
	c.t.Helper()
	for i := 0; i < 50; i++ {
		id := c.send(c.shell, "kernel_info_request", map[string]any{})
		c.reply(c.shellIn, id)
		got := false
		deadline := time.After(100 * time.Millisecond)
	wait:
		for {
			select {
			case m := <-c.iopubIn.ch:
				if m.parentID() == id && state(m) == "idle" {
					got = true
					break wait
				}
			case <-deadline:
				break wait
			}
		}
		if got {
			c.iopubIn.backlog = nil
			return
		}
	}
	c.t.Fatal("iopub never delivered")
}

// close stops the kernel (if still running) and the client sockets.
func (c *client) close() {
	c.closeOnce.Do(c.closeNow)
}

// closeNow does what close does, once.
func (c *client) closeNow() {
	c.cancel()
	select {
	case r := <-c.done:
		c.done <- r
	case <-time.After(waitTimeout):
		c.t.Error("Run did not return after cancel")
	}
	for _, s := range []zmq4.Socket{c.shell, c.stdin, c.control, c.io, c.hb} {
		s.Close()
	}
}

// wait returns Run's result.
func (c *client) wait() runResult {
	c.t.Helper()
	select {
	case r := <-c.done:
		c.done <- r
		return r
	case <-time.After(waitTimeout):
		c.t.Fatal("Run did not return")
		return runResult{}
	}
}

// send signs and sends a request, returning its msg_id.
func (c *client) send(s zmq4.Socket, msgType string, content any) string {
	c.t.Helper()
	return c.sendSigned(s, c.s, msgType, content)
}

// sendSigned sends a request signed with sg.
func (c *client) sendSigned(s zmq4.Socket, sg signer, msgType string, content any) string {
	c.t.Helper()
	b, err := json.Marshal(content)
	if err != nil {
		c.t.Fatal(err)
	}
	h := newHeader(c.session, msgType, time.Now())
	h.Username = "tester"
	m := &message{header: h, parent: emptyObject, metadata: emptyObject, content: b}
	frames, err := m.encode(sg)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	return h.MsgID
}

// reply waits for the reply to msgID in in.
func (c *client) reply(in *inbox, msgID string) *message {
	c.t.Helper()
	return in.next(c.t, "reply to "+msgID, func(m *message) bool { return m.parentID() == msgID })
}

// iopub returns the iopub messages of msgID, from busy to idle included.
func (c *client) iopub(msgID string) []*message {
	c.t.Helper()
	var out []*message
	for {
		m := c.iopubIn.next(c.t, "iopub of "+msgID, func(m *message) bool { return m.parentID() == msgID })
		out = append(out, m)
		if m.header.MsgType == "status" && state(m) == "idle" {
			return out
		}
	}
}

// execute sends an execute_request with code and extra fields and returns its msg_id.
func (c *client) execute(code string, extra map[string]any) string {
	c.t.Helper()
	content := map[string]any{"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": true, "stop_on_error": true}
	for k, v := range extra {
		content[k] = v
	}
	return c.send(c.shell, "execute_request", content)
}

// content decodes m's content.
func content(t testing.TB, m *message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.content, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// state is the execution_state of a status message.
func state(m *message) string {
	var c statusContent
	_ = json.Unmarshal(m.content, &c)
	return c.ExecutionState
}

// types lists the msg_types of ms.
func types(ms []*message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.header.MsgType
		if out[i] == "status" {
			out[i] = state(m)
		}
	}
	return out
}

// zmqMsg is a raw multipart message.
func zmqMsg(frames ...string) zmq4.Msg {
	return zmq4.NewMsgFromString(frames)
}
