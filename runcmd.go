package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp"
)

// runCmd runs a Go file (as one cell) or a notebook's code cells (in order) in the terminal,
// printing what a notebook would show. It stops at the first failing cell.
func runCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: gograd run FILE.go|FILE.ipynb")
	}
	cells, err := readCells(args[0])
	if err != nil {
		return err
	}
	session, err := interp.New(interp.Options{})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	out := &terminalOutput{stdout: stdout, stderr: stderr, in: bufio.NewReader(os.Stdin)}
	for i, code := range cells {
		out.count = i + 1
		r, err := session.Execute(ctx, code, out)
		if err != nil {
			var e *interp.Error
			if errors.As(err, &e) {
				// The traceback starts with the name and the message.
				return fmt.Errorf("%s", strings.Join(e.Traceback, "\n"))
			}
			return err
		}
		if text, ok := r.Data["text/plain"].(string); ok {
			fmt.Fprintln(stdout, text)
		}
	}
	return nil
}

// readCells returns the code cells of a notebook, or a whole .go file as one cell.
func readCells(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gograd run: %w", err)
	}
	if filepath.Ext(path) != ".ipynb" {
		return []string{string(raw)}, nil
	}
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(raw, &nb); err != nil {
		return nil, fmt.Errorf("gograd run: %s is not a notebook: %w", path, err)
	}
	var cells []string
	for _, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		// nbformat allows the source as one string or a list of lines.
		var s string
		if json.Unmarshal(c.Source, &s) != nil {
			var lines []string
			if err := json.Unmarshal(c.Source, &lines); err != nil {
				return nil, fmt.Errorf("gograd run: %s: bad cell source: %w", path, err)
			}
			s = strings.Join(lines, "")
		}
		cells = append(cells, s)
	}
	return cells, nil
}

// terminalOutput shows a cell's output in a terminal: text as text, rich output by its
// plain-text form or a one-line note of what a notebook would show.
type terminalOutput struct {
	mu     sync.Mutex
	stdout io.Writer
	stderr io.Writer
	in     *bufio.Reader
	count  int
}

func (t *terminalOutput) Stream(name, text string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if name == "stderr" {
		fmt.Fprint(t.stderr, text)
		return
	}
	fmt.Fprint(t.stdout, text)
}

func (t *terminalOutput) Publish(b display.Bundle, displayID string, update bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if text, ok := b.Data["text/plain"].(string); ok && text != "" {
		fmt.Fprintln(t.stdout, text)
		return
	}
	var mimes []string
	for m := range b.Data {
		mimes = append(mimes, m)
	}
	sort.Strings(mimes)
	fmt.Fprintf(t.stdout, "[%s]\n", strings.Join(mimes, ", "))
}

func (t *terminalOutput) Clear(wait bool) {}

func (t *terminalOutput) Input(ctx context.Context, prompt string, password bool) (string, error) {
	t.mu.Lock()
	fmt.Fprint(t.stdout, prompt)
	t.mu.Unlock()
	line, err := t.in.ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("gograd run: reading input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func (t *terminalOutput) ExecutionCount() int { return t.count }
