package stdlib

import (
	"errors"
	"io"
	"log"
	"os"
	"strconv"
)

// The generated tables refer to these stand-ins, as yaegi's do, so that interpreted code
// cannot end the process: os.Exit and log.Fatal panic instead (the session recovers).

// errRestricted is returned by os.FindProcess for the interpreter's own process.
var errRestricted = errors.New("stdlib: restricted")

// osExit panics instead of exiting.
func osExit(code int) { panic("os.Exit(" + strconv.Itoa(code) + ")") }

// osFindProcess is os.FindProcess, except for the interpreter's own process.
func osFindProcess(pid int) (*os.Process, error) {
	if pid == os.Getpid() {
		return nil, errRestricted
	}
	return os.FindProcess(pid)
}

// logFatal panics instead of exiting.
func logFatal(v ...any) { log.Panic(v...) }

// logFatalf panics instead of exiting.
func logFatalf(f string, v ...any) { log.Panicf(f, v...) }

// logFatalln panics instead of exiting.
func logFatalln(v ...any) { log.Panicln(v...) }

// logLogger is a log.Logger whose Fatal methods panic instead of exiting.
type logLogger struct {
	l *log.Logger
}

// logNew returns a wrapped logger.
func logNew(out io.Writer, prefix string, flag int) *logLogger {
	return &logLogger{log.New(out, prefix, flag)}
}

// Fatal panics instead of exiting.
func (l *logLogger) Fatal(v ...any) { l.l.Panic(v...) }

// Fatalf panics instead of exiting.
func (l *logLogger) Fatalf(f string, v ...any) { l.l.Panicf(f, v...) }

// Fatalln panics instead of exiting.
func (l *logLogger) Fatalln(v ...any) { l.l.Panicln(v...) }

// Flags forwards to the wrapped logger.
func (l *logLogger) Flags() int { return l.l.Flags() }

// Output forwards to the wrapped logger.
func (l *logLogger) Output(d int, s string) error { return l.l.Output(d, s) }

// Panic forwards to the wrapped logger.
func (l *logLogger) Panic(v ...any) { l.l.Panic(v...) }

// Panicf forwards to the wrapped logger.
func (l *logLogger) Panicf(f string, v ...any) { l.l.Panicf(f, v...) }

// Panicln forwards to the wrapped logger.
func (l *logLogger) Panicln(v ...any) { l.l.Panicln(v...) }

// Prefix forwards to the wrapped logger.
func (l *logLogger) Prefix() string { return l.l.Prefix() }

// Print forwards to the wrapped logger.
func (l *logLogger) Print(v ...any) { l.l.Print(v...) }

// Printf forwards to the wrapped logger.
func (l *logLogger) Printf(f string, v ...any) { l.l.Printf(f, v...) }

// Println forwards to the wrapped logger.
func (l *logLogger) Println(v ...any) { l.l.Println(v...) }

// SetFlags forwards to the wrapped logger.
func (l *logLogger) SetFlags(flag int) { l.l.SetFlags(flag) }

// SetOutput forwards to the wrapped logger.
func (l *logLogger) SetOutput(w io.Writer) { l.l.SetOutput(w) }

// SetPrefix forwards to the wrapped logger.
func (l *logLogger) SetPrefix(p string) { l.l.SetPrefix(p) }

// Writer forwards to the wrapped logger.
func (l *logLogger) Writer() io.Writer { return l.l.Writer() }
