package kernel

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

const (
	// workerGrace is how long Run waits for a cancelled cell to return before closing anyway.
	workerGrace = 2 * time.Second
	// linger gives the PUB socket's queue time to send the last status before it closes.
	linger = 50 * time.Millisecond
)

// Config is what New needs.
type Config struct {
	Conn        ConnectionInfo // from the connection file
	Interpreter Interpreter    // runs the cells; required
	Info        Info           // shown in kernel_info_reply
	Logger      *slog.Logger   // operator logs; nil means text to stderr
}

// Kernel serves one notebook session: it binds the channels of a connection file and answers
// the front end's requests through an Interpreter. Create it with New and serve with Run.
type Kernel struct {
	conn    ConnectionInfo
	interp  Interpreter
	info    Info
	log     *slog.Logger
	signer  signer
	session string

	started atomic.Bool
	socks   *sockets      // set by Run before any goroutine starts
	done    chan struct{} // closed when Run starts shutting down
	stop    chan bool     // shutdown requests, carrying the restart flag
	queue   *shellQueue
	stdin   stdinWaiter

	mu         sync.Mutex // guards the fields below
	count      int        // execution_count of the last stored cell
	cancelCell context.CancelFunc
	hist       history
}

// New checks cfg and returns a kernel ready to Run.
func New(cfg Config) (*Kernel, error) {
	if cfg.Interpreter == nil {
		return nil, errors.New("kernel: config has no interpreter")
	}
	if err := cfg.Conn.check(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return &Kernel{
		conn:    cfg.Conn,
		interp:  cfg.Interpreter,
		info:    cfg.Info,
		log:     log,
		signer:  signer{key: []byte(cfg.Conn.Key)},
		session: newID(),
		done:    make(chan struct{}),
		stop:    make(chan bool, 1),
		queue:   newShellQueue(),
	}, nil
}

// Run binds the five sockets and serves until a shutdown_request or until ctx is done, then
// cancels the running cell, closes every socket and returns. restart is the shutdown request's
// restart flag (false when ctx ended it). Run may be called once per Kernel.
func (k *Kernel) Run(ctx context.Context) (restart bool, err error) {
	if k.started.Swap(true) {
		return false, errors.New("kernel: Run called twice")
	}
	socks, err := bindSockets(k.conn, k.log)
	if err != nil {
		return false, err
	}
	k.socks = socks
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()

	var readers sync.WaitGroup
	readers.Go(func() { k.heartbeat(socks.hb) })
	readers.Go(func() { k.readLoop(socks.shell, k.queue.push) })
	readers.Go(func() { k.readLoop(socks.stdin, k.onStdin) })
	readers.Go(func() {
		k.readLoop(socks.control, func(m *message) { k.dispatch(runCtx, socks.control, m) })
	})
	worker := make(chan struct{})
	go func() {
		defer close(worker)
		k.serveShell(runCtx)
	}()
	k.publish(nil, "status", statusContent{"starting"})
	k.log.Info("kernel: started", "session", k.session, "shell", k.conn.endpoint(k.conn.ShellPort))

	select {
	case <-ctx.Done():
	case restart = <-k.stop:
	}
	close(k.done)
	cancel()
	k.queue.close()
	select {
	case <-worker:
	case <-time.After(workerGrace):
		k.log.Warn("kernel: cell did not stop after cancel; closing anyway")
	}
	time.Sleep(linger)
	err = socks.close()
	readers.Wait()
	k.log.Info("kernel: stopped", "session", k.session, "restart", restart)
	if err != nil {
		k.log.Debug("kernel: closing sockets", "err", err)
	}
	return restart, nil
}

// Interrupt cancels the context of the running cell, if any. It is what SIGINT and
// interrupt_request do.
func (k *Kernel) Interrupt() {
	k.mu.Lock()
	cancel := k.cancelCell
	k.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// requestStop asks Run to shut down; later requests while one is pending are ignored.
func (k *Kernel) requestStop(restart bool) {
	select {
	case k.stop <- restart:
	default:
	}
}

// readLoop receives messages from s and hands the decoded ones to handle until s is closed.
func (k *Kernel) readLoop(s *sender, handle func(*message)) {
	for {
		zm, err := s.sock.Recv()
		if err != nil {
			if s.closed.Load() {
				return
			}
			k.log.Warn("kernel: receive", "channel", s.name, "err", err)
			time.Sleep(10 * time.Millisecond) // do not spin on a failing socket
			continue
		}
		m, err := decode(zm.Frames, k.signer)
		if err != nil {
			k.log.Warn("kernel: dropped message", "channel", s.name, "err", err)
			continue
		}
		handle(m)
	}
}
