package interp

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var record = flag.Bool("record", false, "rewrite the stdout sections of testdata/tutorial/*.txtar from `go run` of their main.go")

// TestTutorial is differential testing of tutorial-style Go: every testdata/tutorial/*.txtar
// holds one program twice, as a whole file (-- main.go --, run as one cell) and split into
// notebook cells the way a student would (-- cell -- sections: types, then functions, then
// top-level statements, no func main). Both must print exactly what compiled Go prints, the
// -- stdout -- section, recorded from `go run main.go` with -record (the test itself needs
// neither the network nor the toolchain).
//
// Where gograd cannot give Go's answer it must say so: a -- main.go gograd -- or
// -- cells gograd -- section then holds what the session prints instead, which must be a
// prefix of Go's output followed by one "error: compat: ..." line naming the feature.
// Never a different answer.
func TestTutorial(t *testing.T) {
	files, err := filepath.Glob("testdata/tutorial/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			tutorial(t, file)
		})
	}
}

func tutorial(t *testing.T, file string) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var main string
	var cells []string
	sections := map[string]string{}
	for _, f := range a.Files {
		switch f.Name {
		case "main.go":
			main = string(f.Data)
		case "cell":
			cells = append(cells, strings.TrimSuffix(string(f.Data), "\n"))
		default:
			sections[f.Name] = string(f.Data)
		}
	}
	if main == "" || len(cells) == 0 {
		t.Fatalf("%s: needs a main.go and cells", file)
	}
	if *record {
		recordStdout(t, file, a, main)
		return
	}
	want, ok := sections["stdout"]
	if !ok {
		t.Fatalf("%s: no stdout section (go test -run TestTutorial -record)", file)
	}
	for _, run := range []struct {
		name  string
		cells []string
	}{{"main.go", []string{main}}, {"cells", cells}} {
		got := runCells(t, run.cells)
		expect := want
		if s, ok := sections[run.name+" gograd"]; ok {
			checkGogradSection(t, file, run.name, s, want)
			expect = s
		}
		if got != expect {
			t.Errorf("%s as %s: output differs from Go's\n--- gograd ---\n%s--- go run ---\n%s", file, run.name, got, expect)
		}
	}
}

// checkGogradSection checks that an expected gograd output is honest: Go's output cut short
// by a compat error, never another answer.
func checkGogradSection(t *testing.T, file, name, s, want string) {
	body, last, _ := strings.Cut(strings.TrimSuffix(s, "\n"), "\nerror: ")
	if !strings.Contains(s, "error: ") {
		t.Fatalf("%s: %s gograd section has no error line", file, name)
	}
	if strings.HasPrefix(s, "error: ") {
		body, last = "", strings.TrimPrefix(strings.TrimSuffix(s, "\n"), "error: ")
	} else {
		body += "\n"
	}
	if !strings.HasPrefix(want, body) || !strings.HasPrefix(last, "compat: ") {
		t.Fatalf("%s: %s gograd section must be a prefix of Go's output and one compat error", file, name)
	}
}

// runCells runs cells in order in a fresh session and returns their stdout, results and
// the first error, as `gograd run` would show them.
func runCells(t *testing.T, cells []string) string {
	s, err := New(Options{Env: []string{"HOME=/nonexistent"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var b strings.Builder
	for i, code := range cells {
		r := &recorder{count: i + 1}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		res, err := s.Execute(ctx, code, r)
		cancel()
		b.WriteString(r.stream("stdout"))
		if res.Data != nil {
			fmt.Fprintln(&b, res.Data["text/plain"])
		}
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				fmt.Fprintf(&b, "error: %s\n", e.Value)
			} else {
				fmt.Fprintf(&b, "error: %v\n", err)
			}
			break
		}
	}
	return b.String()
}

// recordStdout writes Go's output of main.go into the archive's stdout section.
func recordStdout(t *testing.T, file string, a *txtar.Archive, main string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "main.go")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOFLAGS=")
	if strings.Contains(main, `"github.com/gograd/gograd/`) {
		// A program that imports gograd's own packages (nn, display) runs from the module
		// root, so they resolve to this checkout.
		cmd = exec.Command("go", "run", filepath.Join(dir, "main.go"))
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "GOFLAGS=")
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: go run: %v", file, err)
	}
	var files []txtar.File
	for _, f := range a.Files {
		if f.Name != "stdout" {
			files = append(files, f)
		}
	}
	a.Files = append(files, txtar.File{Name: "stdout", Data: out})
	if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}
