package kernel

import (
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestImportsStayInLayer enforces DESIGN.md's layering: kernel imports the standard library
// and zmq4 only.
func TestImportsStayInLayer(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			if strings.Contains(first, ".") && path != "github.com/go-zeromq/zmq4" {
				t.Errorf("%s imports %s: kernel may import only the standard library and zmq4", name, path)
			}
			if imp.Name != nil && imp.Name.Name == "." {
				t.Errorf("%s dot-imports %s", name, path)
			}
		}
	}
}
