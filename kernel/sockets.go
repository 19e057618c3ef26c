package kernel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zeromq/zmq4"
)

// sendTimeout bounds a send on a ROUTER socket that has no peer yet (zmq4 waits for one).
const sendTimeout = 5 * time.Second

// errClosed is returned when sending on a closed socket.
var errClosed = errors.New("kernel: socket closed")

// sender owns one zmq4 socket: zmq4 sockets are not safe for concurrent sends, so every send
// goes through mu. Receiving happens on one goroutine per socket, outside mu.
type sender struct {
	name   string // channel name, for logs
	sock   zmq4.Socket
	mu     sync.Mutex
	closed atomic.Bool
}

// send sends one multipart message.
func (s *sender) send(frames [][]byte) error {
	if s.closed.Load() {
		return errClosed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		return fmt.Errorf("kernel: send on %s: %w", s.name, err)
	}
	return nil
}

// close closes the socket; a blocked send or receive returns.
func (s *sender) close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.sock.Close()
}

// sockets are the five channels of a running kernel.
type sockets struct {
	shell, control, stdin, iopub, hb *sender
}

// bindSockets creates and binds the five sockets. On failure the ones already bound are closed.
func bindSockets(ci ConnectionInfo, log *slog.Logger) (*sockets, error) {
	opts := []zmq4.Option{
		zmq4.WithTimeout(sendTimeout),
		zmq4.WithLogger(slog.NewLogLogger(log.Handler(), slog.LevelWarn)),
	}
	// Each socket lives until its Close, not until the caller's context ends: the shutdown
	// reply must still go out after Run's context is cancelled.
	bg := context.Background()
	plan := []struct {
		name string
		make func(context.Context, ...zmq4.Option) zmq4.Socket
		port int
	}{
		{"shell", zmq4.NewRouter, ci.ShellPort},
		{"control", zmq4.NewRouter, ci.ControlPort},
		{"stdin", zmq4.NewRouter, ci.StdinPort},
		{"iopub", zmq4.NewPub, ci.IOPubPort},
		{"heartbeat", zmq4.NewRep, ci.HBPort},
	}
	bound := make([]*sender, 0, len(plan))
	for _, p := range plan {
		s := &sender{name: p.name, sock: p.make(bg, opts...)}
		if err := s.sock.Listen(ci.endpoint(p.port)); err != nil {
			_ = s.close()
			for _, b := range bound {
				_ = b.close()
			}
			return nil, fmt.Errorf("kernel: bind %s: %w", p.name, err)
		}
		bound = append(bound, s)
	}
	return &sockets{shell: bound[0], control: bound[1], stdin: bound[2], iopub: bound[3], hb: bound[4]}, nil
}

// all lists the sockets.
func (ss *sockets) all() []*sender {
	return []*sender{ss.shell, ss.control, ss.stdin, ss.iopub, ss.hb}
}

// close closes every socket and returns the first error.
func (ss *sockets) close() error {
	var first error
	for _, s := range ss.all() {
		if err := s.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
