package compat

import (
	"bytes"
	"go/parser"
	"go/printer"
	"go/token"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// A cell's func main runs once, when the session calls it, and not again after later cells.
func TestRenameMainRunsOnce(t *testing.T) {
	var out bytes.Buffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	if err := i.Use(Filter(stdlib.Symbols)); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import "fmt"`); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", "package main\n\nfunc main() { fmt.Println(\"main ran\") }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !RenameMain(f, "_ggMain1") {
		t.Fatal("RenameMain found no main")
	}
	var code bytes.Buffer
	if err := printer.Fprint(&code, fset, f.Decls[0]); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{code.String(), "_ggMain1()", `fmt.Println("later cell")`, "x := 2"} {
		if _, err := i.Eval(cell); err != nil {
			t.Fatalf("%q: %v", cell, err)
		}
	}
	if got, want := out.String(), "main ran\nlater cell\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	if n := strings.Count(out.String(), "main ran"); n != 1 {
		t.Errorf("main ran %d times", n)
	}
}

// Without the rename, yaegi runs main after every evaluation: the reason for RenameMain.
// If a yaegi upgrade fixes this, the test says so and RenameMain can go.
func TestYaegiRerunsMain(t *testing.T) {
	var out bytes.Buffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{`import "fmt"`, `func main() { fmt.Println("main ran") }`, "x := 2"} {
		if _, err := i.Eval(cell); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(out.String(), "main ran"); n < 2 {
		t.Errorf("yaegi ran main %d times: RenameMain may no longer be needed", n)
	}
}
