package compat

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"golang.org/x/tools/txtar"
)

// program is one test case of testdata/*.txtar: a whole Go program and what it prints.
//
// An archive holds "main.go", and either "want" (the program's output, which the test also
// checks against `go run` of the same program) or "error" (a substring of the error
// Rewrite or yaegi must report instead of running the program).
type program struct {
	name  string
	src   []byte
	want  string
	error string
}

// loadCorpus reads every archive of testdata.
func loadCorpus(t *testing.T) []program {
	t.Helper()
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var out []program
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pr := program{name: strings.TrimSuffix(filepath.Base(p), ".txtar")}
		for _, f := range a.Files {
			switch f.Name {
			case "main.go":
				pr.src = f.Data
			case "want":
				pr.want = string(f.Data)
			case "error":
				pr.error = strings.TrimSpace(string(f.Data))
			}
		}
		if pr.src == nil || (pr.want == "") == (pr.error == "") {
			t.Fatalf("%s: need main.go and exactly one of want, error", p)
		}
		out = append(out, pr)
	}
	return out
}

// runYaegi rewrites src and runs it in a fresh yaegi set up as the session sets it up.
func runYaegi(t *testing.T, src []byte) (string, error) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if err := Rewrite(fset, f); err != nil {
		return "", err
	}
	var code bytes.Buffer
	if err := printer.Fprint(&code, fset, f); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	if err := i.Use(Filter(stdlib.Symbols)); err != nil {
		t.Fatal(err)
	}
	if err := Load(i); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = i.EvalWithContext(ctx, code.String())
	if err != nil && testing.Verbose() {
		t.Logf("rewritten:\n%s", code.String())
	}
	return out.String(), err
}

func TestCorpus(t *testing.T) {
	for _, pr := range loadCorpus(t) {
		t.Run(pr.name, func(t *testing.T) {
			got, err := runYaegi(t, pr.src)
			if pr.error != "" {
				if err == nil || !strings.Contains(err.Error(), pr.error) {
					t.Fatalf("error = %v, want one containing %q", err, pr.error)
				}
				return
			}
			if err != nil {
				t.Fatalf("yaegi: %v\noutput so far:\n%s", err, got)
			}
			if got != pr.want {
				t.Errorf("yaegi printed:\n%s\nwant:\n%s", got, pr.want)
			}
		})
	}
}

// TestCorpusMatchesGo checks every expected output against the Go toolchain: all programs,
// and the cell sessions joined into programs, are built with one `go build` and run.
func TestCorpusMatchesGo(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found: the corpus is checked against yaegi only")
	}
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module corpus\n\ngo 1.26\n")
	var progs []program
	for _, pr := range append(loadCorpus(t), cellPrograms(t)...) {
		if pr.want != "" {
			progs = append(progs, pr)
			write(filepath.Join("cmd", pr.name, "main.go"), string(pr.src))
		}
	}
	bin := filepath.Join(dir, "bin")
	build := exec.Command(goTool, "build", "-o", bin+string(filepath.Separator), "./cmd/...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, pr := range progs {
		t.Run(pr.name, func(t *testing.T) {
			out, err := exec.Command(filepath.Join(bin, pr.name)).CombinedOutput()
			if err != nil {
				t.Fatalf("run: %v\n%s", err, out)
			}
			if string(out) != pr.want {
				t.Errorf("go run printed:\n%s\nthe corpus wants:\n%s", out, pr.want)
			}
		})
	}
}

// cellPrograms joins each cell session of testdata/cells into one program: the imports and
// declarations of all cells, and one func main running the cells' statements in order.
func cellPrograms(t *testing.T) []program {
	t.Helper()
	paths, err := filepath.Glob("testdata/cells/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var out []program
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var imports, decls, stmts bytes.Buffer
		pr := program{name: "cells_" + strings.TrimSuffix(filepath.Base(p), ".txtar")}
		for _, f := range a.Files {
			if f.Name == "want" {
				pr.want = string(f.Data)
				continue
			}
			file, err := parser.ParseFile(fset, f.Name, f.Data, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range file.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Name.Name == "main" && d.Recv == nil {
						for _, s := range d.Body.List {
							printNode(t, &stmts, fset, s)
						}
						continue
					}
					printNode(t, &decls, fset, d)
				case *ast.GenDecl:
					if d.Tok == token.IMPORT {
						printNode(t, &imports, fset, d)
					} else {
						printNode(t, &decls, fset, d)
					}
				}
			}
		}
		pr.src = []byte("package main\n\n" + imports.String() + "\n" + decls.String() + "\nfunc main() {\n" + stmts.String() + "}\n")
		out = append(out, pr)
	}
	return out
}
