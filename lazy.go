package main

import (
	"context"

	"github.com/gograd/gograd/interp"
)

// startingSession creates the interpreter session in the background, so that the kernel
// binds its sockets and answers kernel_info at once instead of after the session has loaded
// its packages (most of a start-up). Whoever needs the session first waits for it.
type startingSession struct {
	ready chan struct{}
	s     *interp.Session
	err   error
}

// startSession begins creating a session with opts and returns at once.
func startSession(opts interp.Options) *startingSession {
	st := &startingSession{ready: make(chan struct{})}
	go func() {
		st.s, st.err = interp.New(opts)
		close(st.ready)
	}()
	return st
}

// get waits until the session exists, or ctx is done.
func (st *startingSession) get(ctx context.Context) (*interp.Session, error) {
	select {
	case <-st.ready:
		return st.s, st.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// wait is get for callers with no context, such as completion; the session is seconds away
// at worst.
func (st *startingSession) wait() (*interp.Session, error) {
	return st.get(context.Background())
}
