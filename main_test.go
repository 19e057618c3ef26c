package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHelpQuery(t *testing.T) {
	tests := []struct {
		code string
		name string
		ok   bool
	}{
		{"?fmt.Println", "fmt.Println", true},
		{"nn.MLP?", "nn.MLP", true},
		{"  ? x  \n", "x", true},
		{"?", "", false},
		{"x := 1", "", false},
		{"a ? b", "", false},
		{"?fmt.Println()", "", false},
	}
	for _, tt := range tests {
		name, ok := helpQuery(tt.code)
		if name != tt.name || ok != tt.ok {
			t.Errorf("helpQuery(%q) = %q, %v; want %q, %v", tt.code, name, ok, tt.name, tt.ok)
		}
	}
}

func TestReadCellsOfANotebook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.ipynb")
	nb := `{"cells": [
		{"cell_type": "markdown", "source": "# title"},
		{"cell_type": "code", "source": ["x := 1\n", "x + 1"]},
		{"cell_type": "code", "source": "fmt.Println(x)"}
	], "nbformat": 4, "nbformat_minor": 5, "metadata": {}}`
	if err := os.WriteFile(path, []byte(nb), 0o644); err != nil {
		t.Fatal(err)
	}
	cells, err := readCells(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x := 1\nx + 1", "fmt.Println(x)"}
	if strings.Join(cells, "|") != strings.Join(want, "|") {
		t.Errorf("cells = %q, want %q", cells, want)
	}
}

func TestRunExecutesAGoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cell.go")
	if err := os.WriteFile(path, []byte("x := 6\nfmt.Println(\"x is\", x)\nx * 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if got, want := stdout.String(), "x is 6\n42\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestRunReportsACellErrorWithItsLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.go")
	if err := os.WriteFile(path, []byte("a := 1\nb := lera + a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", path}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "cell[1]:2:6: undefined: lera") {
		t.Errorf("stderr = %q", stderr.String())
	}
}

// A runtime panic names the statement that failed, once, after all the cell's output.
func TestRunReportsAPanicAtTheFailingLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "panic.go")
	src := "var m map[string]int\nfmt.Println(\"a\")\nfmt.Println(m[\"x\"])\nm[\"a\"] = 1\nfmt.Println(\"b\")\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", path}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if got, want := stdout.String(), "a\n0\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	want := "panic: assignment to entry in nil map\n" +
		"    at cell[1]:4:1\n" +
		"        m[\"a\"] = 1\n" +
		"        ^\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"frobnicate"}, &stdout, &stderr); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), "usage:") {
		t.Errorf("no usage in %q", stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"version"}, &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "gograd ") {
		t.Errorf("version: exit %d, %q", code, stdout.String())
	}
}
