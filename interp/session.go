package interp

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"log/slog"
	"os"
	"reflect"
	"sync"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp/compat"
	gostdlib "github.com/gograd/gograd/interp/stdlib"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// Options configures a Session.
type Options struct {
	// Logger receives operator logs; nil means slog.Default().
	Logger *slog.Logger
	// BundleOf turns a cell's value into rich MIME types; nil means display.BundleOf.
	BundleOf func(v any) (display.Bundle, bool)
	// Env is the environment cells see through os.Getenv; nil means the process's.
	Env []string
}

// Session is one notebook's interpreter: the state that persists from cell to cell. Its
// methods may be called from any goroutine; cells run one at a time.
type Session struct {
	log      *slog.Logger
	bundleOf func(v any) (display.Bundle, bool)
	in       *interp.Interpreter // replaced when a cell redefines a type or a method; read it with yaegi()
	env      []string
	stdout   *stream
	stderr   *stream
	ctxVar   context.Context // the ctx cells see, a cellContext
	writer   *display.Writer
	std      interp.Exports  // the standard library cells import: Go 1.26's, minus what compat interprets
	compat   compat.Rewriter // rewrites cells for yaegi; remembers earlier cells' declarations
	at       atTable         // the functions and calls of the statements rewriteAt instrumented

	run sync.Mutex // held while a cell runs

	mu         sync.Mutex // guards the fields below
	out        Output
	cellCtx    context.Context
	result     []any
	hasResult  bool
	resultText *string           // the String() of the result, for types declared in cells
	resultRich map[string]any    // the MIMEBundle() or HTML() of the result, for cell types
	stdin      []byte            // input read from the front end, not yet consumed
	imports    map[string]string // package name in cells -> canonical import path
	names      map[string]*sessionName
	dotImport  bool                     // a cell dot-imported a package: names can no longer be checked
	docs       map[string]*doc.Package  // parsed package documentation, by import path
	typeDefs   map[string]definition    // types ("T") and methods ("T.M") defined so far
	funcs      map[string]*ast.FuncDecl // functions defined so far, to refresh their callers
	sources    map[string]string        // the code of each numbered cell, by label, for tracebacks
	probes     int                      // probe compilations so far, to name their copies
	hist       history                  // what a fresh interpreter replays (replay.go)
	atIn       *interp.Interpreter      // the interpreter whose position registers are atVars
	atVars     map[string]reflect.Value // the position registers (rewrite_at.go), by name
}

// New starts a session: an interpreter with the standard library, nn and display.
func New(opts Options) (*Session, error) {
	s := &Session{
		log:      opts.Logger,
		bundleOf: opts.BundleOf,
		cellCtx:  context.Background(),
		imports:  map[string]string{},
		names:    map[string]*sessionName{},
		docs:     map[string]*doc.Package{},
		typeDefs: map[string]definition{},
		funcs:    map[string]*ast.FuncDecl{},
		sources:  map[string]string{},
	}
	if s.bundleOf == nil {
		s.bundleOf = display.BundleOf
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.ctxVar = cellContext{s}
	var err error
	if s.stdout, err = newStream("stdout", false, s.emit); err != nil {
		return nil, fmt.Errorf("interp: stdout pipe: %w", err)
	}
	if s.stderr, err = newStream("stderr", true, s.emit); err != nil {
		s.stdout.close()
		return nil, fmt.Errorf("interp: stderr pipe: %w", err)
	}
	s.env = opts.Env
	if s.env == nil {
		s.env = os.Environ()
	}
	s.in = s.newYaegi()
	if err := s.wire(nil); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// newYaegi returns a bare interpreter writing to the session's pipes.
func (s *Session) newYaegi() *interp.Interpreter {
	return interp.New(interp.Options{Stdout: s.stdout.w, Stderr: s.stderr.w, Stdin: stdinReader{s}, Env: s.env})
}

// yaegi returns the session's interpreter, which a redefinition may replace (replay.go).
func (s *Session) yaegi() *interp.Interpreter {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.in
}

// wire loads the packages into s.in, plus extra (the values a redefinition carries over, or
// nil), and runs the prelude that defines ctx.
func (s *Session) wire(extra interp.Exports) error {
	s.std = compat.Filter(gostdlib.Merge(stdlib.Symbols))
	if err := s.in.Use(s.std); err != nil {
		return fmt.Errorf("interp: load stdlib: %w", err)
	}
	if err := s.in.Use(s.overrides(logOutputOf(s.in))); err != nil {
		return fmt.Errorf("interp: override stdlib: %w", err)
	}
	if err := s.in.Use(s.hiddenSymbols()); err != nil {
		return fmt.Errorf("interp: load session package: %w", err)
	}
	if extra != nil {
		if err := s.in.Use(extra); err != nil {
			return fmt.Errorf("interp: load carried values: %w", err)
		}
	}
	s.writer = display.NewWriter(publisher{s})
	gograd := s.gogradSymbols()
	if err := s.in.Use(gograd); err != nil {
		return fmt.Errorf("interp: load gograd packages: %w", err)
	}
	// After the last Use: each Use recompiles yaegi's partial cmp, maps and slices.
	if err := compat.Load(s.in); err != nil {
		return fmt.Errorf("interp: load interpreted packages: %w", err)
	}
	s.compat.Symbols = mergeTables(s.std, gograd)
	return s.prelude()
}

// Close stops the session's output readers. The interpreter itself is left to the garbage
// collector: yaegi has no way to stop it.
func (s *Session) Close() error {
	return errors.Join(s.stdout.close(), s.stderr.close())
}

// emit forwards text from a pipe to the current cell.
func (s *Session) emit(name, text string) {
	out := s.output()
	if out == nil {
		s.log.Info("interp: output outside any cell", "stream", name, "text", text)
		return
	}
	out.Stream(name, text)
}

// output is the Output of the running cell, or of the last one.
func (s *Session) output() Output {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out
}

// currentCtx is the context of the running cell; between cells, context.Background().
func (s *Session) currentCtx() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cellCtx
}

// flush waits until all output written so far has been delivered.
func (s *Session) flush() {
	s.stdout.flush()
	s.stderr.flush()
}
