package interp

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/*.txtar")

// cursorMark marks the cursor in complete and inspect sections.
const cursorMark = "‸"

// TestSessions runs every testdata/*.txtar archive as a notebook session. Sections:
//
//	-- cell --            code run as the next cell; "-- cell interrupt --" is cancelled
//	                      after 100ms, while it blocks
//	-- stdout --, -- stderr --, -- result --, -- error --, -- traceback --, -- display --
//	                      what the cell before them produced
//	-- complete --, -- inspect --, -- inspect-decl --, -- is_complete --
//	                      code with ‸ at the cursor; followed by -- matches --, -- doc --, -- status --
//	                      (inspect-decl keeps the declaration line only: for nn and display,
//	                      whose doc comments change often)
//
// The expected sections are regenerated from the actual run and the archive compared as a
// whole; -update writes them back.
func TestSessions(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runArchive(t, file)
		})
	}
}

// runArchive runs one archive and compares its expectations.
func runArchive(t *testing.T, file string) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Env: []string{"HOME=/nonexistent"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := &txtar.Archive{Comment: a.Comment}
	count := 0
	for _, f := range a.Files {
		code := strings.TrimSuffix(string(f.Data), "\n")
		switch {
		case strings.HasPrefix(f.Name, "cell"):
			count++
			got.Files = append(got.Files, f)
			got.Files = append(got.Files, runCell(t, s, count, code, f.Name == "cell interrupt")...)
		case f.Name == "complete":
			got.Files = append(got.Files, f, complete(s, code))
		case f.Name == "inspect":
			got.Files = append(got.Files, f, inspect(s, code, 6))
		case f.Name == "inspect-decl":
			got.Files = append(got.Files, f, inspect(s, code, 1))
		case f.Name == "is_complete":
			status, indent := s.IsComplete(code)
			got.Files = append(got.Files, f, section("status", status+" "+strconv.Quote(indent)))
		}
	}
	want, have := txtar.Format(a), txtar.Format(got)
	if bytes.Equal(want, have) {
		return
	}
	if *update {
		if err := os.WriteFile(file, have, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s differs (go test -update to accept):\n--- got ---\n%s\n--- want ---\n%s", file, have, want)
}

// runCell executes one cell and returns what it produced as archive sections.
func runCell(t *testing.T, s *Session, count int, code string, interrupt bool) []txtar.File {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if interrupt {
		time.AfterFunc(100*time.Millisecond, cancel)
	}
	r := &recorder{count: count}
	done := make(chan struct{})
	var res Result
	var err error
	go func() {
		defer close(done)
		res, err = s.Execute(ctx, code, r)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("cell %d did not return: %q", count, code)
	}
	var out []txtar.File
	for _, name := range []string{"stdout", "stderr", "display"} {
		if text := r.stream(name); text != "" {
			out = append(out, section(name, text))
		}
	}
	if res.Data != nil {
		out = append(out, section("result", fmt.Sprint(res.Data["text/plain"])))
	}
	var e *Error
	if errors.As(err, &e) {
		out = append(out, section("error", e.Name+": "+e.Value))
		if len(e.Traceback) > 1 {
			out = append(out, section("traceback", strings.Join(e.Traceback[1:], "\n")))
		}
		if e.Traceback[0] != e.Name+": "+e.Value {
			out = append(out, section("error", "traceback does not start with the error: "+e.Traceback[0]))
		}
	} else if err != nil {
		out = append(out, section("error", "not an *Error: "+err.Error()))
	}
	return out
}

// section makes an archive file whose text ends with one newline.
func section(name, text string) txtar.File {
	return txtar.File{Name: name, Data: []byte(strings.TrimSuffix(text, "\n") + "\n")}
}

// cursorOf removes the cursor mark and returns the code and the cursor in code points.
func cursorOf(code string) (string, int) {
	i := strings.Index(code, cursorMark)
	if i < 0 {
		i = len(code)
	}
	return strings.Replace(code, cursorMark, "", 1), len([]rune(code[:i]))
}

// complete runs a completion and formats it as "start end" and one match a line.
func complete(s *Session, code string) txtar.File {
	code, cursor := cursorOf(code)
	matches, start, end := s.Complete(code, cursor)
	if len(matches) > 12 {
		matches = append(matches[:12], "...")
	}
	return section("matches", fmt.Sprintf("%d %d\n%s", start, end, strings.Join(matches, "\n")))
}

// inspect runs an inspection and keeps its first n lines.
func inspect(s *Session, code string, n int) txtar.File {
	code, cursor := cursorOf(code)
	data, found := s.Inspect(code, cursor, 0)
	if !found {
		return section("doc", "not found")
	}
	lines := strings.Split(fmt.Sprint(data["text/plain"]), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return section("doc", strings.Join(lines, "\n"))
}
